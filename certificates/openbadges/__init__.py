"""Open Badges 3.0 credentials that verify without this site.

- ``keys``: the signing key (environment or file; a development key made on
  first run outside the repository) and the published public keys;
- ``did``: the issuer's ``did:web`` identifier and DID document;
- ``credential``: a certificate as an ``OpenBadgeCredential``, signed as a
  VC-JWT (and, on demand, with an ``eddsa-rdfc-2022`` Data Integrity proof);
- ``status_list``: the W3C Bitstring Status List credential for revocation;
- ``baking``: the badge image (SVG, PNG) with the credential baked in;
- ``verify``: checking an uploaded credential, JSON, JWT or baked image.

Built on ``openbadgeslib`` (see the README's Decisions).
"""
