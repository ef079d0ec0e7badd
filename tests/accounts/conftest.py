import pytest
from django.utils import translation

# A complete, valid sign-up in the shape the form posts it.
SIGNUP = {
    "first_name": "สมหญิง",
    "last_name": "รักเรียน",
    "phone": "+66 81-555-1234",
    "email": "",
    "province_code": "50",
    "district_code": "5001",
    "subdistrict_code": "500101",
    "village": "บ้านสันทราย หมู่ 2",
    "organisation": "",
    "password1": "ข้าวเหนียว-มะม่วง-2026",
    "password2": "ข้าวเหนียว-มะม่วง-2026",
}


@pytest.fixture
def signup_data():
    return dict(SIGNUP)


@pytest.fixture
def english():
    """Error messages in English, so assertions do not depend on the catalogue."""
    with translation.override("en"):
        yield
