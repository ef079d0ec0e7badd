"""*My learning* is kept per reader under a stamp of their rows
(``lms.pagecache.per_reader``): shown again it costs three queries, and
whatever changes of theirs shows at once, however it was written (a model
save, a queryset update, a bulk insert), as does what everyone shares."""

import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from certificates.models import IssuedCertificate
from certificates.services import certificate_issue
from competencies.models import (
    CompetencyEvidence,
    LevelRequirement,
    VolunteerLevel,
    VolunteerStatus,
)
from competencies.services import levels_recompute_for
from courses import services
from courses.models import Enrollment
from lms.privacy.erasure import person_erase
from tests import factories
from tests.certificates.conftest import complete, make_award

from .conftest import lessons_of

# Session, user and the stamp of the reader's rows.
KEPT_MAX_QUERIES = 3


def _main(client, path="/th/learn/") -> str:
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


@pytest.fixture
def reader(client, catalogue, learner):
    """A learner half-way through one course, their page shown once."""
    client.force_login(learner)
    course = factories.make_course(catalogue, title="รู้ทันข่าวปลอม", lessons=4)
    services.enrollment_create(user=learner, course=course)
    services.step_complete(user=learner, page=lessons_of(course)[0])
    assert "25% · 1 จาก 4 ขั้น" in _main(client)
    return {"user": learner, "course": course}


def test_shown_again_unchanged_it_is_kept(
    client, reader, django_assert_max_num_queries
):
    first = _main(client)
    with django_assert_max_num_queries(KEPT_MAX_QUERIES):
        again = _main(client)
    assert again == first


def test_a_step_completed_shows_at_once(client, reader):
    services.step_complete(user=reader["user"], page=lessons_of(reader["course"])[1])
    assert "50% · 2 จาก 4 ขั้น" in _main(client)


def test_the_course_opened_last_comes_first(client, reader, catalogue):
    other = factories.make_course(catalogue, title="ขายของออนไลน์")
    services.enrollment_create(user=reader["user"], course=other)
    html = _main(client)
    assert html.index("ขายของออนไลน์") < html.index("รู้ทันข่าวปลอม")
    # A queryset update (no model save, no signal) moves it back to the top.
    services.step_visit(user=reader["user"], page=lessons_of(reader["course"])[2])
    html = _main(client)
    assert html.index("รู้ทันข่าวปลอม") < html.index("ขายของออนไลน์")


def test_a_withdrawn_enrolment_goes_at_once(client, reader):
    services.enrollment_delete(user=reader["user"], course=reader["course"])
    html = _main(client)
    assert 'data-home-state="new"' in html
    assert f'data-course="{reader["course"].pk}"' not in html


def test_evidence_and_levels_written_in_bulk_show_at_once(client, reader):
    """As the volunteer import writes them: a bulk insert, a bulk level update."""
    literacy = factories.make_competency(code="D1", name_th="การรู้ดิจิทัล")
    village = VolunteerLevel.objects.create(code="village", rank=1, name_th="ระดับหมู่บ้าน")
    LevelRequirement.objects.create(
        level=village, competency=literacy, min_proficiency=1
    )
    assert "ยังไม่มีระดับ" in _main(client)
    CompetencyEvidence.objects.bulk_create(
        [
            CompetencyEvidence(
                user=reader["user"], competency=literacy, proficiency=1, source="import"
            )
        ]
    )
    html = _main(client)
    assert "การรู้ดิจิทัล" not in html.split("ระดับถัดไป")[-1]  # requirement met
    levels_recompute_for(user_ids=[reader["user"].pk], cause="test")
    assert VolunteerStatus.objects.get(user=reader["user"]).level == village
    assert "★ ระดับหมู่บ้าน" in _main(client)
    # Withdrawn by a queryset update: the level's requirement is missing again.
    CompetencyEvidence.objects.filter(user=reader["user"]).update(
        withdrawn_at=timezone.now()
    )
    VolunteerStatus.objects.filter(user=reader["user"]).update(level=None)
    html = _main(client)
    assert "★ ระดับหมู่บ้าน" not in html
    assert "การรู้ดิจิทัล" in html


def test_certificates_issued_and_revoked_show_at_once(client, reader, catalogue):
    course = factories.make_course(catalogue, title="ตลาดออนไลน์")
    award = make_award(courses=[course], name_th="ผู้ค้าออนไลน์")
    complete(reader["user"], course)
    html = _main(client)
    [certificate] = IssuedCertificate.objects.filter(user=reader["user"])
    assert f'data-code="{certificate.code}"' in html
    IssuedCertificate.objects.filter(pk=certificate.pk).update(
        revoked_at=timezone.now()
    )
    assert f'data-code="{certificate.code}"' not in _main(client)
    # A new one (as the bulk issue writes them) shows too.
    fresh, created = certificate_issue(user=reader["user"], award=award)
    assert created
    assert f'data-code="{fresh.code}"' in _main(client)


def test_a_page_published_shows_at_once(client, reader):
    course = reader["course"]
    course.title = "รู้ทันข่าวปลอม ฉบับใหม่"
    course.save_revision().publish()
    assert "รู้ทันข่าวปลอม ฉบับใหม่" in _main(client)


def test_each_language_is_its_own(client, reader):
    with translation.override("th"):  # the test thread stays in Thai after
        english = _main(client, "/en/learn/")
    assert "My learning" in english and "25% · 1 จาก 4" not in english
    assert "25% · 1 จาก 4" in _main(client)


def test_no_reader_is_shown_another_readers_page(client, reader, catalogue):
    other = factories.make_user()
    client.force_login(other)
    html = _main(client)
    assert 'data-home-state="new"' in html
    assert "รู้ทันข่าวปลอม" not in html.split("เริ่มจากหลักสูตรนี้")[0]
    assert Enrollment.objects.filter(user=other).count() == 0


def test_an_erased_person_leaves_nothing_kept(client, reader):
    key = f"lms:reader:my-learning:{reader['user'].pk}"
    assert cache.get(key) is not None
    person_erase(user=reader["user"])
    assert cache.get(key) is None
