"""VC-JWT signing with the issuer's key (PyJWT, as openbadgeslib uses it).

The JOSE header names the key by ``kid`` (the DID URL of the verification
method), not by an embedded ``jwk``: a verifier takes the key from our DID
document, so nobody can sign with a key of their own and pass it off as ours.
"""

import jwt

from .did import verification_method
from .keys import IssuerKey


def sign_payload(payload: dict, *, key: IssuerKey) -> str:
    return jwt.encode(
        payload,
        key.private_key,
        algorithm=key.algorithm,
        headers={"kid": verification_method(key.kid), "typ": "JWT"},
    )
