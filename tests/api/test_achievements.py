"""Competencies, level and certificates through the API; own records only."""

import pytest

from certificates import rendering, services
from certificates.services import certificate_issue
from competencies import services as competency_services
from competencies.demo import load_demo_ladder
from competencies.services import load_programme_framework
from tests import factories
from tests.certificates.conftest import make_award, make_template


@pytest.fixture
def framework(db):
    load_programme_framework()
    load_demo_ladder()
    from competencies.models import Competency

    return {c.code: c for c in Competency.objects.all()}


def assess(user, competency, proficiency=1):
    trainer = factories.make_user(role="Trainer")
    return competency_services.assessment_record(
        assessor=trainer,
        user=user,
        competency=competency,
        proficiency=proficiency,
        comment="ดี",
    )


@pytest.mark.django_db
class TestCompetencies:
    def test_level_next_level_and_what_it_needs(
        self, api, volunteer, framework, catalogue
    ):
        course = factories.make_course(
            catalogue, title="รู้ทันข่าวปลอม", competencies=[(framework["D1"], 2)]
        )
        assess(volunteer, framework["D1"])
        body = api.get("/me/competencies").json()
        assert body["current_level"]["code"] == "village"
        assert body["next_level"]["code"] == "subdistrict"
        missing = {m["code"]: (m["reached"], m["required"]) for m in body["missing"]}
        assert missing == {"D1": (1, 2), "B3": (0, 1)}
        d1 = next(m for m in body["missing"] if m["code"] == "D1")
        assert d1["courses"] == [{"id": course.pk, "title": "รู้ทันข่าวปลอม"}]
        assert body["courses_needed"] == 1
        standing = {c["code"]: c["reached"] for c in body["competencies"]}
        assert standing["D1"] == 1 and standing["B1"] == 0

    def test_names_follow_accept_language(self, api, volunteer, framework):
        assess(volunteer, framework["D1"])
        api.language = "en"
        body = api.get("/me/competencies").json()
        assert body["current_level"]["name"] == "Village / community volunteer"

    def test_nobody_elses_evidence_is_listed(self, api, volunteer, other, framework):
        assess(volunteer, framework["D1"])
        assess(other, framework["D2"])
        items = api.get("/me/evidence").json()["items"]
        assert [(e["competency_code"], e["source"]) for e in items] == [
            ("D1", "assessment")
        ]

    def test_query_count_is_fixed(
        self, api, volunteer, framework, django_assert_max_num_queries
    ):
        assess(volunteer, framework["D1"])
        api.get("/me/competencies")
        with django_assert_max_num_queries(16) as one:
            api.get("/me/competencies")
        queries = len(one)
        for code in ("B1", "B2", "B3", "D2"):
            assess(volunteer, framework[code], 2)
        with django_assert_max_num_queries(queries):
            api.get("/me/competencies")


@pytest.fixture
def certificate(volunteer, catalogue):
    award = make_award(
        template=make_template(), courses=[factories.make_course(catalogue)]
    )
    return certificate_issue(user=volunteer, award=award)[0]


@pytest.mark.django_db
class TestCertificates:
    def test_list_detail_and_verification_links(self, api, certificate):
        body = api.get("/certificates").json()
        assert body["count"] == 1
        item = body["items"][0]
        assert item["code"] == certificate.code and item["valid"]
        assert item["verification_url"].endswith(f"/verify/{certificate.code}/")
        assert item["credential_url"].endswith(f"/verify/{certificate.code}.json")
        assert (
            api.get(f"/certificates/{certificate.code}").json()["recipient_name"]
            == "สมหญิง ใจงาม"
        )

    def test_pdf_download(self, api, certificate):
        response = api.get(f"/certificates/{certificate.code}/pdf")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")

    def test_another_volunteers_certificate_is_404(self, other_api, certificate):
        assert other_api.get("/certificates").json()["count"] == 0
        for path in (
            f"/certificates/{certificate.code}",
            f"/certificates/{certificate.code}/pdf",
        ):
            response = other_api.get(path)
            assert (
                response.status_code == 404 and response.json()["code"] == "not_found"
            )

    def test_unwritable_media_is_a_503_with_a_code(self, api, certificate, monkeypatch):
        def broken(**kwargs):
            raise services.CertificateError("ไม่สามารถบันทึก PDF")

        monkeypatch.setattr(rendering, "certificate_pdf", broken)
        response = api.get(f"/certificates/{certificate.code}/pdf")
        assert (
            response.status_code == 503 and response.json()["code"] == "pdf_unavailable"
        )


@pytest.mark.django_db
def test_certificate_list_query_count_is_fixed(
    api, volunteer, catalogue, django_assert_max_num_queries
):
    template = make_template()
    for size in (1, 4):
        while volunteer.certificates.count() < size:
            award = make_award(
                template=template, courses=[factories.make_course(catalogue, lessons=1)]
            )
            certificate_issue(user=volunteer, award=award)
        api.get("/certificates")
        with django_assert_max_num_queries(5):
            assert api.get("/certificates").json()["count"] == size
