"""Bulk issue: dry-run count, filters, people lists, and a worker killed half-way."""

import pytest

from certificates import bulk, services
from certificates.models import Award, BulkIssueChunk, BulkIssueRun, IssuedCertificate
from lms.accounts.models import VolunteerProfile
from tests import factories

from .conftest import make_award

pytestmark = pytest.mark.django_db


def _completers(course, n, province="50"):
    """``n`` people who completed ``course`` (enrolment rows written directly: fast)."""
    from django.utils import timezone

    from courses.models import Enrollment

    people = []
    for _ in range(n):
        user = factories.make_user()
        VolunteerProfile.objects.filter(user=user).update(province_code=province)
        Enrollment.objects.create(user=user, course=course, completed_at=timezone.now())
        people.append(user)
    return people


def test_dry_run_counts_without_issuing(award, course):
    _completers(course, 3)
    factories.make_user()  # did not complete
    assert bulk.bulk_issue_pending(award=award).count() == 3
    assert not IssuedCertificate.objects.exists()


def test_province_filter(award, course, django_capture_on_commit_callbacks):
    _completers(course, 2, province="50")
    _completers(course, 3, province="10")
    assert bulk.bulk_issue_pending(award=award, province="10").count() == 3
    with django_capture_on_commit_callbacks(execute=True):
        run = bulk.bulk_issue_start(award=award, province="50")
    run.refresh_from_db()
    assert run.status == BulkIssueRun.Status.DONE and run.total == run.issued == 2
    provinces = IssuedCertificate.objects.values_list(
        "user__profile__province_code", flat=True
    )
    assert set(provinces) == {"50"}


def test_holders_are_not_counted_again(award, course):
    people = _completers(course, 3)
    services.certificate_issue(user=people[0], award=award)
    assert bulk.bulk_issue_pending(award=award).count() == 2


def test_worker_killed_half_way_then_resumed_issues_everyone_once(
    award, course, monkeypatch
):
    monkeypatch.setattr(bulk, "CHUNK_SIZE", 4)
    people = _completers(course, 10)
    run = bulk.bulk_issue_start(award=award, enqueue=False)
    assert run.total == 10 and BulkIssueChunk.objects.filter(run=run).count() == 3

    with pytest.raises(RuntimeError, match="killed"):
        bulk.bulk_issue_execute(run_id=run.pk, fail_after=6)
    run.refresh_from_db()
    # The first chunk (4 people) committed; the second was rolled back whole.
    assert run.status == BulkIssueRun.Status.RUNNING
    assert run.done == 4 and IssuedCertificate.objects.count() == 4

    run = bulk.bulk_issue_execute(run_id=run.pk)
    assert run.status == BulkIssueRun.Status.DONE and run.finished_at
    assert run.done == run.total == 10 and run.issued == 10
    holders = list(IssuedCertificate.objects.values_list("user_id", flat=True))
    assert sorted(holders) == sorted(p.pk for p in people)  # none missing, none twice

    again = bulk.bulk_issue_execute(run_id=run.pk)  # a late duplicate task
    assert again.issued == 10 and IssuedCertificate.objects.count() == 10


def test_second_run_for_the_same_award_issues_only_newcomers(
    award, course, django_capture_on_commit_callbacks
):
    _completers(course, 3)
    with django_capture_on_commit_callbacks(execute=True):
        bulk.bulk_issue_start(award=award)
    _completers(course, 2)
    with django_capture_on_commit_callbacks(execute=True):
        run = bulk.bulk_issue_start(award=award)
    run.refresh_from_db()
    assert run.total == 2 and IssuedCertificate.objects.count() == 5


def test_a_chunk_redone_after_certificates_exist_creates_no_duplicates(award, course):
    """Even if a chunk were handed out twice (two workers on SQLite), the constraint holds."""
    people = _completers(course, 3)
    run = bulk.bulk_issue_start(award=award, enqueue=False)
    bulk.bulk_issue_execute(run_id=run.pk)
    BulkIssueChunk.objects.filter(run=run).update(done=False)
    run = bulk.bulk_issue_execute(run_id=run.pk)
    assert IssuedCertificate.objects.count() == len(people)


def test_people_csv_by_phone_and_email(template, django_capture_on_commit_callbacks):
    a = factories.make_user(phone="0811111111", email="a@example.org")
    b = factories.make_user(phone="0822222222", email="b@example.org")
    factories.make_user(phone="0833333333")
    csv_text = "phone,email\n081-111-1111,\n,B@EXAMPLE.ORG\n+66822222222,\n0899999999,\nnobody@example.org,\n"
    ids, unmatched = bulk.people_from_csv(csv_text.encode("utf-8-sig"))
    assert ids == [a.pk, b.pk]
    assert unmatched == ["0899999999", "nobody@example.org"]

    launch = make_award(
        template=template, kind=Award.Kind.EVENT, name_th="อบรมเปิดตัวโครงการ"
    )
    with django_capture_on_commit_callbacks(execute=True):
        run = bulk.bulk_issue_start(
            award=launch, people=ids, unmatched=unmatched, reason="อบรม 320 คน"
        )
    run.refresh_from_db()
    assert run.issued == 2 and run.unmatched == unmatched
    assert set(IssuedCertificate.objects.values_list("award_name_th", flat=True)) == {
        "อบรมเปิดตัวโครงการ"
    }


def test_event_award_without_people_has_no_candidates(template):
    factories.make_user()
    launch = make_award(template=template, kind=Award.Kind.EVENT, name_th="อบรม")
    assert bulk.bulk_issue_pending(award=launch).count() == 0


def test_level_award_goes_to_everyone_at_or_above_the_level(template):
    from competencies.models import VolunteerLevel, VolunteerStatus

    village = VolunteerLevel.objects.create(code="village", rank=1, name_th="หมู่บ้าน")
    district = VolunteerLevel.objects.create(code="district", rank=2, name_th="อำเภอ")
    a, b, _c = factories.make_user(), factories.make_user(), factories.make_user()
    VolunteerStatus.objects.create(user=a, level=village)
    VolunteerStatus.objects.create(user=b, level=district)
    award = make_award(template=template, kind=Award.Kind.LEVEL, level_code="village")
    assert set(bulk.bulk_issue_pending(award=award)) == {a.pk, b.pk}
