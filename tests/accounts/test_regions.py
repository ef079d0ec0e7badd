"""The JSON behind the linked drop-downs: codes, Thai and English names, Thai order."""

import pytest

from lms.accounts import regions

pytestmark = pytest.mark.django_db


def _options(client, lang, **params):
    response = client.get(f"/{lang}/accounts/regions/", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()["options"]


def test_districts_of_a_province_in_thai_and_english(client):
    th = {o["code"]: o["name"] for o in _options(client, "th", province="50")}
    en = {o["code"]: o["name"] for o in _options(client, "en", province="50")}
    assert th.keys() == en.keys()
    assert len(th) == len(regions.district_choices("50")) > 20
    assert all(code.startswith("50") and len(code) == 4 for code in th)
    assert th["5001"] == "เมืองเชียงใหม่"
    assert en["5001"] == "Mueang Chiang Mai"


def test_subdistricts_of_a_district(client):
    options = _options(client, "th", district="5001")
    codes = [o["code"] for o in options]
    assert "500101" in codes
    assert all(code.startswith("5001") and len(code) == 6 for code in codes)


def test_thai_names_sort_by_consonant_not_leading_vowel(client):
    names = [o["name"] for o in _options(client, "th", province="50")]
    # เมือง… and แม่… sort under ม, before ฮอด; a code-point sort puts them last.
    assert names.index("จอมทอง") < names.index("แม่ริม") < names.index("ฮอด")
    assert names.index("เมืองเชียงใหม่") < names.index("ฮอด")


def test_english_names_are_alphabetical(client):
    names = [o["name"] for o in _options(client, "en", province="50")]
    assert names == sorted(names, key=str.casefold)


@pytest.mark.parametrize(
    "params",
    [
        {"province": "99"},
        {"district": "9999"},
        {"province": ""},
        {"province": "5'"},
        {"district": "50"},
        {},
    ],
)
def test_unknown_or_malformed_codes_give_an_empty_list(client, params):
    assert _options(client, "th", **params) == []


def test_only_get_is_allowed(client):
    assert client.post("/th/accounts/regions/", {"province": "50"}).status_code == 405


def test_responses_may_be_cached(client):
    response = client.get("/th/accounts/regions/", {"province": "50"})
    assert "max-age=86400" in response["Cache-Control"]
