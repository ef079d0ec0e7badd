"""Reading and correcting one's details through the API (the site's form rules)."""

import pytest

from lms.accounts.models import VolunteerProfile


@pytest.mark.django_db
class TestProfile:
    def test_read_with_region_names(self, api, volunteer):
        body = api.get("/me").json()
        assert body["phone"] == "0812345678" and body["province_code"] == "50"
        assert body["province_name"] == "เชียงใหม่"
        api.language = "en"
        assert api.get("/me").json()["province_name"] == "Chiang Mai"

    def test_update_only_the_fields_sent(self, api, volunteer):
        response = api.patch(
            "/me",
            {
                "village": "บ้านหนองบัว",
                "phone": "+66 81 111 2222",
                "current_password": "pass-1234-word",
            },
        )
        assert response.status_code == 200, response.content
        body = response.json()
        assert body["village"] == "บ้านหนองบัว" and body["phone"] == "0811112222"
        assert body["first_name"] == "สมหญิง"
        volunteer.refresh_from_db()
        assert volunteer.phone == "0811112222"
        # The new number signs in; the old one no longer does.
        assert (
            api.post(
                "/auth/token", {"login": "0811112222", "password": "pass-1234-word"}
            ).status_code
            == 201
        )
        assert (
            api.post(
                "/auth/token", {"login": "0812345678", "password": "pass-1234-word"}
            ).status_code
            == 401
        )

    def test_bad_input_names_fields_and_changes_nothing(self, api, volunteer, other):
        response = api.patch(
            "/me",
            {
                "phone": "12345",
                "email": other.email,
                "village": "ใหม่",
                "current_password": "pass-1234-word",
            },
        )
        assert response.status_code == 422
        body = response.json()
        assert body["code"] == "validation_error"
        assert set(body["fields"]) == {"phone", "email"}
        assert VolunteerProfile.objects.get(user=volunteer).village == ""

    def test_region_codes_must_belong_together(self, api, volunteer):
        response = api.patch(
            "/me", {"district_code": "1001", "subdistrict_code": "100101"}
        )
        assert response.status_code == 422
        assert "district_code" in response.json()["fields"]

    def test_too_long_text_is_refused_by_the_schema(self, api, volunteer):
        response = api.patch("/me", {"village": "ก" * 201})
        assert response.status_code == 422 and list(response.json()["fields"]) == [
            "village"
        ]
