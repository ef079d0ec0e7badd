"""Signed Open Badges 3.0 credentials, checked by code that is not ours.

The credentials are signed with PyJWT (through openbadgeslib); these tests
verify them with jwcrypto against the published DID document, validate them
against the OB 3.0 AchievementCredential JSON schema kept in
``tests/certificates/schemas/``, and read revocation from the Bitstring Status
List alone: gzip and base64 from the standard library, not our code.
"""

import base64
import gzip
import hashlib
import json
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from jsonschema import Draft201909Validator
from jwcrypto import jwk, jws
from jwcrypto import jwt as jcjwt

from certificates import services
from certificates.models import SignedCredential, SigningKey
from certificates.openbadges import keys, verify
from certificates.openbadges.checks import signing_key_check
from certificates.openbadges.signing import sign_payload
from tests import factories

SCHEMA = json.loads(
    (
        Path(__file__).parent / "schemas" / "ob_v3p0_achievementcredential_schema.json"
    ).read_text()
)
DID = "did:web:testserver"


@pytest.fixture
def certificate(award, volunteer):
    return services.certificate_issue(user=volunteer, award=award)[0]


@pytest.fixture
def signing_key(settings):
    """A fresh production-style key, given as PEM text in the environment setting."""
    settings.CERTIFICATES_SIGNING_KEY = keys.generate_pem().decode()
    return settings.CERTIFICATES_SIGNING_KEY


def did_document(client) -> dict:
    response = client.get("/.well-known/did.json")
    assert response.status_code == 200
    return response.json()


def jwcrypto_verify(token: str, document: dict) -> tuple[dict, dict]:
    """Verify a compact JWS with jwcrypto using the key its ``kid`` names in the
    DID document; returns (header, claims). Raises if anything is off."""
    parsed = jws.JWS()
    parsed.deserialize(token)
    header = parsed.jose_header
    method = next(m for m in document["verificationMethod"] if m["id"] == header["kid"])
    assert method["controller"] == document["id"] == DID
    assert method["id"] in document["assertionMethod"]
    key = jwk.JWK(**method["publicKeyJwk"])
    verified = jcjwt.JWT(jwt=token, key=key, algs=["EdDSA", "ES256"])
    return header, json.loads(verified.claims)


def bit(token: str, index: int, document: dict) -> bool:
    """Read one bit of a status list credential the way any verifier would."""
    _header, claims = jwcrypto_verify(token, document)
    assert claims["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    subject = claims["credentialSubject"]
    assert subject["type"] == "BitstringStatusList"
    assert subject["statusPurpose"] == "revocation"
    encoded = subject["encodedList"]
    assert encoded.startswith("u")  # multibase base64url
    raw = gzip.decompress(
        base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4))
    )
    assert len(raw) * 8 >= 131072
    return bool(raw[index // 8] & (0x80 >> (index % 8)))


def test_jwt_verifies_with_jwcrypto_and_the_ob3_schema(client, certificate):
    response = client.get(f"/verify/{certificate.code}.jwt")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    assert "attachment" in response["Content-Disposition"]
    header, claims = jwcrypto_verify(response.content.decode(), did_document(client))
    assert header["alg"] == "EdDSA" and header["kid"].startswith(DID + "#")
    assert "jwk" not in header  # the key comes from the DID document, not the token
    Draft201909Validator(
        SCHEMA, format_checker=Draft201909Validator.FORMAT_CHECKER
    ).validate(claims)
    assert claims["iss"] == claims["issuer"]["id"] == DID
    assert (
        claims["jti"]
        == claims["id"]
        == f"http://testserver/verify/{certificate.code}.json"
    )
    assert claims["credentialSchema"][0]["id"].endswith(
        "ob_v3p0_achievementcredential_schema.json"
    )
    assert claims["validFrom"] == claims["awardedDate"]
    assert claims["validFrom"][:4] == str(certificate.issued_at.year)
    achievement = claims["credentialSubject"]["achievement"]
    assert achievement["name"] == "การค้าออนไลน์อย่างปลอดภัย"
    assert achievement["criteria"]["narrative"]
    assert achievement["image"]["id"].endswith(
        f"/verify/awards/{certificate.award_id}/badge.png"
    )
    assert achievement["alignment"][0]["targetCode"] == "D1"
    status = claims["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry"
    assert status["statusPurpose"] == "revocation"
    assert status["statusListIndex"] == str(certificate.pk)


def test_the_subject_is_a_salted_hash_of_the_email_not_the_name(client, certificate):
    token = client.get(f"/verify/{certificate.code}.jwt").content.decode()
    _header, claims = jwcrypto_verify(token, did_document(client))
    text = json.dumps(claims, ensure_ascii=False)
    assert "สมหญิง" not in text and certificate.user.email not in text
    identity = claims["credentialSubject"]["identifier"][0]
    assert identity["hashed"] is True and identity["identityType"] == "emailAddress"
    salt = identity["salt"]
    assert len(salt) >= 32
    expected = hashlib.sha256((certificate.user.email + salt).encode()).hexdigest()
    assert identity["identityHash"] == f"sha256${expected}"


def test_a_phone_only_volunteer_is_identified_by_the_hashed_phone(client, award):
    user = factories.make_user(email="", phone="0891234567")
    certificate = services.certificate_issue(user=user, award=award)[0]
    token = client.get(f"/verify/{certificate.code}.jwt").content.decode()
    identity = jwcrypto_verify(token, did_document(client))[1]["credentialSubject"][
        "identifier"
    ][0]
    assert identity["identityType"] == "ext:phoneNumber"
    assert (
        identity["identityHash"]
        == "sha256$"
        + hashlib.sha256(("0891234567" + identity["salt"]).encode()).hexdigest()
    )


def test_the_credential_is_signed_once_and_then_frozen(client, certificate):
    first = client.get(f"/verify/{certificate.code}.jwt").content
    assert client.get(f"/verify/{certificate.code}.jwt").content == first
    assert SignedCredential.objects.filter(certificate=certificate).count() == 1


def test_a_tampered_field_fails(client, certificate):
    token = client.get(f"/verify/{certificate.code}.jwt").content.decode()
    head, body, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    claims["credentialSubject"]["achievement"]["name"] = "ปริญญาเอก"
    forged_body = (
        base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    )
    forged = f"{head}.{forged_body}.{signature}"
    with pytest.raises(jws.InvalidJWSSignature):
        jwcrypto_verify(forged, did_document(client))
    assert verify.verify_upload(forged.encode()).status == verify.TAMPERED
    assert verify.verify_upload(token.encode()).status == verify.VALID


def test_json_carries_a_data_integrity_proof_and_matches_the_schema(
    client, certificate
):
    response = client.get(f"/verify/{certificate.code}.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    document = response.json()
    Draft201909Validator(
        SCHEMA, format_checker=Draft201909Validator.FORMAT_CHECKER
    ).validate(document)
    proof = document["proof"]
    assert proof["type"] == "DataIntegrityProof"
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["verificationMethod"].startswith(DID + "#")
    # The same claims as the JWT (same salt), so both forms say the same thing.
    token = client.get(f"/verify/{certificate.code}.jwt").content.decode()
    claims = jwcrypto_verify(token, did_document(client))[1]
    assert (
        document["credentialSubject"]["identifier"]
        == claims["credentialSubject"]["identifier"]
    )
    assert verify.verify_document(document).status == verify.VALID
    document["credentialSubject"]["achievement"]["name"] = "ปริญญาเอก"
    assert verify.verify_document(document).status == verify.TAMPERED


def test_a_credential_signed_with_a_rotated_out_key_still_verifies(
    client, settings, award
):
    settings.CERTIFICATES_SIGNING_KEY = keys.generate_pem().decode()
    old_kid = keys.current_key().kid
    old = services.certificate_issue(user=factories.make_user(), award=award)[0]
    old_token = client.get(f"/verify/{old.code}.jwt").content.decode()

    settings.CERTIFICATES_SIGNING_KEY = keys.generate_pem().decode()  # rotation
    new_kid = keys.current_key().kid
    assert new_kid != old_kid
    new = services.certificate_issue(user=factories.make_user(), award=award)[0]
    new_token = client.get(f"/verify/{new.code}.jwt").content.decode()

    document = did_document(client)
    published = [m["id"] for m in document["verificationMethod"]]
    assert published[0] == f"{DID}#{new_kid}"  # the signing key first
    assert f"{DID}#{old_kid}" in published
    assert jwcrypto_verify(old_token, document)[0]["kid"] == f"{DID}#{old_kid}"
    assert jwcrypto_verify(new_token, document)[0]["kid"] == f"{DID}#{new_kid}"
    # Stored credentials are not re-signed by the new key.
    assert client.get(f"/verify/{old.code}.jwt").content.decode() == old_token
    assert verify.verify_upload(old_token.encode()).status == verify.VALID
    assert {k.kid for k in SigningKey.objects.all()} >= {old_kid, new_kid}
    jwks = client.get("/.well-known/jwks.json").json()["keys"]
    assert {k["kid"] for k in jwks} >= {f"{DID}#{old_kid}", f"{DID}#{new_kid}"}
    assert all("d" not in k for k in jwks)


def test_revoked_shows_through_the_status_list_alone(client, certificate, award):
    other = services.certificate_issue(user=factories.make_user(), award=award)[0]
    token = client.get(f"/verify/{certificate.code}.jwt").content.decode()
    document = did_document(client)
    entry = jwcrypto_verify(token, document)[1]["credentialStatus"]
    list_path = entry["statusListCredential"].removeprefix("http://testserver")
    index = int(entry["statusListIndex"])
    assert bit(client.get(list_path).content.decode(), index, document) is False

    services.certificate_revoke(
        certificate=certificate,
        by=factories.make_user(role="Administrator"),
        reason="ผิด",
    )
    status_token = client.get(list_path).content.decode()
    assert bit(status_token, index, document) is True
    assert bit(status_token, other.pk, document) is False
    assert verify.verify_upload(token.encode()).status == verify.REVOKED


def test_the_status_list_verifies_and_is_cacheable(
    client, certificate, django_assert_max_num_queries
):
    response = client.get("/verify/status/0")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    assert "max-age" in response["Cache-Control"]
    assert response["Access-Control-Allow-Origin"] == "*"
    header, claims = jwcrypto_verify(response.content.decode(), did_document(client))
    assert claims["issuer"] == claims["iss"] == DID
    assert claims["id"] == claims["jti"] == "http://testserver/verify/status/0"
    again = client.get("/verify/status/0", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    # Constant queries whatever the number of certificates and revocations.
    admin = factories.make_user(role="Administrator")
    award = certificate.award
    for _n in range(5):
        c = services.certificate_issue(user=factories.make_user(), award=award)[0]
        services.certificate_revoke(certificate=c, by=admin, reason="x")
    with django_assert_max_num_queries(4):
        changed = client.get("/verify/status/0", HTTP_IF_NONE_MATCH=response["ETag"])
    assert changed.status_code == 200  # a revocation changes the list and its ETag


def test_reissue_links_the_replacement(client, certificate):
    admin = factories.make_user(role="Administrator")
    new = services.certificate_reissue(
        certificate=certificate, by=admin, reason="แก้ไขชื่อ", name="สมหญิง ใจงามยิ่ง"
    )
    response = client.get(f"/verify/{certificate.code}.json")
    assert f"/verify/{new.code}.json" in response["Link"]
    assert 'rel="successor-version"' in response["Link"]
    token = client.get(f"/verify/{certificate.code}.jwt").content
    page = client.post("/verify/check/", {"token": token.decode()}).content.decode()
    assert 'data-verdict="revoked"' in page and new.code in page
    assert verify.verify_upload(
        client.get(f"/verify/{new.code}.jwt").content
    ).status == (verify.VALID)


def test_baked_png_and_svg_carry_the_credential(client, certificate):
    png = client.get(f"/verify/{certificate.code}.png")
    assert png.status_code == 200 and png["Content-Type"] == "image/png"
    assert png.content.startswith(b"\x89PNG") and b"openbadgecredential" in png.content
    svg = client.get(f"/verify/{certificate.code}.svg")
    assert svg["Content-Type"] == "image/svg+xml"
    assert b"https://purl.imsglobal.org/ob/v3p0" in svg.content
    assert b"<script" not in svg.content
    token = client.get(f"/verify/{certificate.code}.jwt").content.decode()
    assert token.encode() in png.content and token.encode() in svg.content
    for data in (png.content, svg.content):
        verdict = verify.verify_upload(data)
        assert verdict.status == verify.VALID and verdict.certificate == certificate


def test_the_upload_page_says_valid_revoked_tampered_or_unknown_issuer(
    client, certificate, settings
):
    page = client.get("/verify/check/")
    assert page.status_code == 200 and 'type="file"' in page.content.decode()
    png = client.get(f"/verify/{certificate.code}.png").content
    response = client.post(
        "/verify/check/", {"file": SimpleUploadedFile("badge.png", png, "image/png")}
    )
    html = response.content.decode()
    assert 'data-verdict="valid"' in html and "สมหญิง ใจงาม" in html
    token = client.get(f"/verify/{certificate.code}.jwt").content.decode()
    forged = token[:-6] + ("AAAAAA" if not token.endswith("AAAAAA") else "BBBBBB")
    assert (
        'data-verdict="tampered"'
        in client.post("/verify/check/", {"token": forged}).content.decode()
    )
    # Someone else's key claiming to be us: unknown issuer, not valid.
    settings.CERTIFICATES_SIGNING_KEY = keys.generate_pem().decode()
    impostor = keys.current_key()
    claims = jwcrypto_verify(token, did_document(client))[1]
    fake = sign_payload(claims, key=impostor)
    settings.CERTIFICATES_SIGNING_KEY = ""
    assert verify.verify_upload(fake.encode()).status == verify.UNKNOWN_ISSUER
    claims["iss"] = claims["issuer"]["id"] = "did:web:elsewhere.example"
    other = sign_payload(claims, key=impostor)
    assert (
        'data-verdict="unknown_issuer"'
        in client.post("/verify/check/", {"token": other}).content.decode()
    )
    assert (
        'data-verdict="unreadable"'
        in client.post(
            "/verify/check/",
            {
                "file": SimpleUploadedFile(
                    "x.png", b"\x89PNG\r\n\x1a\nnot really", "image/png"
                )
            },
        ).content.decode()
    )
    empty = client.post("/verify/check/", {}).content.decode()
    assert "data-verdict" not in empty and 'role="alert"' in empty


def test_alignments_and_badge_image_resolve_to_public_json_and_png(client, certificate):
    token = client.get(f"/verify/{certificate.code}.jwt").content.decode()
    achievement = jwcrypto_verify(token, did_document(client))[1]["credentialSubject"][
        "achievement"
    ]
    for alignment in achievement["alignment"]:
        response = client.get(alignment["targetUrl"].removeprefix("http://testserver"))
        assert response.status_code == 200
        assert response.json()["humanCodingScheme"] == alignment["targetCode"]
    image = client.get(achievement["image"]["id"].removeprefix("http://testserver"))
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    assert client.get("/competencies/NOPE.json").status_code == 404


def test_production_without_a_key_says_so_and_does_not_make_one(
    client, settings, certificate, tmp_path
):
    settings.CERTIFICATES_DEV_KEY = False
    settings.CERTIFICATES_SIGNING_KEY = ""
    settings.CERTIFICATES_SIGNING_KEY_FILE = ""
    settings.CERTIFICATES_DEV_KEY_DIR = str(tmp_path)
    response = client.get(f"/verify/{certificate.code}.jwt")
    assert (
        response.status_code == 503
        and response.json()["error"] == "signing_unavailable"
    )
    assert client.get("/verify/status/0").status_code == 503
    assert not list(tmp_path.iterdir())


def test_key_from_a_file_and_a_dev_key_outside_the_repository(settings, tmp_path):
    pem = keys.generate_pem()
    path = tmp_path / "issuer.pem"
    path.write_bytes(pem)
    settings.CERTIFICATES_SIGNING_KEY = ""
    settings.CERTIFICATES_SIGNING_KEY_FILE = str(path)
    assert keys.current_key().private_pem == pem
    settings.CERTIFICATES_SIGNING_KEY_FILE = ""
    settings.CERTIFICATES_DEV_KEY_DIR = str(tmp_path / "dev")
    key = keys.current_key()
    made = tmp_path / "dev" / keys.DEV_KEY_NAME
    assert made.exists() and stat.S_IMODE(made.stat().st_mode) == 0o600
    assert keys.current_key().kid == key.kid  # the same key on the next run
    settings.CERTIFICATES_DEV_KEY_DIR = ""
    assert not str(keys.dev_key_dir()).startswith(str(django_settings.BASE_DIR))


def test_an_es256_key_signs_too(client, settings, certificate):
    settings.CERTIFICATES_SIGNING_KEY = (
        ec.generate_private_key(ec.SECP256R1())
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        .decode()
    )
    token = client.get(f"/verify/{certificate.code}.jwt").content.decode()
    assert jwcrypto_verify(token, did_document(client))[0]["alg"] == "ES256"
    document = client.get(f"/verify/{certificate.code}.json").json()
    assert document["type"] == "EnvelopedVerifiableCredential"
    assert verify.verify_document(document).status == verify.VALID


def test_sign_credentials_command_signs_what_is_missing(award, capsys):
    people = [factories.make_user() for _ in range(3)]
    for person in people:
        services.certificate_issue(user=person, award=award)
    call_command("sign_credentials")
    assert SignedCredential.objects.count() == 3
    call_command("sign_credentials")
    assert SignedCredential.objects.count() == 3
    assert "0" in capsys.readouterr().out.splitlines()[-1]


def test_certificate_pages_offer_the_files_and_linkedin(client, certificate):
    html = client.get(f"/verify/{certificate.code}/").content.decode()
    for suffix in (".json", ".jwt", ".png", ".svg"):
        assert f"/verify/{certificate.code}{suffix}" in html
    assert "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME" in html
    assert f"certId={certificate.code}" in html and "issueYear=" in html
    assert "organizationName=" in html
    client.force_login(certificate.user)
    mine = client.get("/th/certificates/").content.decode()
    assert (
        f"/verify/{certificate.code}.png" in mine and "linkedin.com/profile/add" in mine
    )


def test_signed_download_queries_stay_constant(
    client, award, django_assert_max_num_queries
):
    certificate = services.certificate_issue(user=factories.make_user(), award=award)[0]
    client.get(f"/verify/{certificate.code}.jwt")
    with django_assert_max_num_queries(3):
        client.get(f"/verify/{certificate.code}.jwt")


def test_deploy_check_refuses_a_missing_key(settings):
    settings.CERTIFICATES_DEV_KEY = False
    settings.CERTIFICATES_SIGNING_KEY = ""
    settings.CERTIFICATES_SIGNING_KEY_FILE = "/nonexistent/issuer.pem"
    assert [e.id for e in signing_key_check()] == ["certificates.E001"]
    settings.CERTIFICATES_SIGNING_KEY = keys.generate_pem().decode()
    assert signing_key_check() == []
