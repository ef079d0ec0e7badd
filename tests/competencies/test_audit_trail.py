"""The audit log explains itself: rules, names and imports before and after,
finished runs read as finished, level history names the rule that changed."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from competencies.demo import load_demo_ladder
from competencies.interchange import framework_import
from competencies.models import (
    Competency,
    LevelChange,
    RecomputeRun,
    VolunteerLevel,
    describe_cause,
)
from competencies.services import recompute_run_execute
from tests import factories

from .test_admin import competency_form, level_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(client, roles):
    user = factories.make_user(role="Administrator", username="boss")
    client.force_login(user)
    return user


def level_form(level: VolunteerLevel, **fields):
    values = {
        "code": level.code,
        "rank": level.rank,
        "name_th": level.name_th,
        "name_en": level.name_en,
        "description_th": level.description_th,
        "description_en": level.description_en,
        "requires_previous": "on" if level.requires_previous else "",
        "min_completed_courses": level.min_completed_courses,
        "colour": level.colour,
    }
    values.update(fields)
    rows = [
        {
            "id": r.pk,
            "competency": r.competency_id,
            "min_proficiency": r.min_proficiency,
            "ORDER": i + 1,
        }
        for i, r in enumerate(level.requirements.all())
    ]
    values["requirements"] = inline_formset(rows, initial=len(rows))
    return nested_form_data(values)


def message_of(entry) -> str:
    # ``message`` is cached on the entry: read it afresh in each language.
    return str(type(entry).objects.get(pk=entry.pk).message)


def test_a_ladder_change_keeps_before_and_after_and_names_the_rule(
    client, administrator, programme
):
    village = load_demo_ladder()[0]
    before = village.min_completed_courses
    url = reverse("wagtailsnippets_competencies_volunteerlevel:edit", args=[village.pk])
    response = client.post(url, level_form(village, min_completed_courses=before + 2))
    assert response.status_code == 302, response.content.decode()[:3000]

    entry = ModelLogEntry.objects.get(action="lms.level_rules_change")
    assert entry.data["changes"] == {"min_completed_courses": [before, before + 2]}
    assert f"min_completed_courses: {before} → {before + 2}" in message_of(entry)

    run = RecomputeRun.objects.get()
    with translation.override("th"):
        assert f"เปลี่ยนเกณฑ์ของระดับ “{village.name_th}”" in run.cause_display
        assert "boss" in run.cause_display
    with translation.override("en"):
        assert f"rule of level “{village.name_en}” changed by boss" in str(run)


def test_a_finished_recomputation_reads_as_finished(programme):
    load_demo_ladder()
    factories.make_user()
    run = RecomputeRun.objects.create(cause="ladder:village by boss", total=1)
    recompute_run_execute(run_id=run.pk)
    recompute_run_execute(run_id=run.pk)  # again: nothing more is logged
    entry = ModelLogEntry.objects.get(action="lms.levels_recompute_finish")
    with translation.override("en"):
        assert message_of(entry).startswith("Finished recomputing volunteer levels")
    with translation.override("th"):
        assert message_of(entry).startswith("คำนวณระดับของอาสาสมัครใหม่เสร็จแล้ว")


def test_renaming_a_competency_is_logged_before_and_after(
    client, administrator, programme
):
    competency = Competency.objects.get(code="D1")
    old = competency.name_th
    levels = [level_row(lv) for lv in competency.proficiency_levels.all()]
    url = reverse("wagtailsnippets_competencies_competency:edit", args=[competency.pk])
    response = client.post(
        url, competency_form(competency, levels=levels, name_th="ชื่อใหม่")
    )
    assert response.status_code == 302
    entry = ModelLogEntry.objects.get(action="lms.framework_rename")
    assert entry.data["changes"] == {"name_th": [old, "ชื่อใหม่"]}
    with translation.override("en"):
        assert f"D1: name_th: {old} → ชื่อใหม่" in message_of(entry)


def test_a_framework_import_records_what_it_changed(programme, programme_data):
    items = programme_data["CFItems"]
    item = next(i for i in items if i.get("humanCodingScheme") == "D1")
    old = item["fullStatement"]["th"]
    item["fullStatement"]["th"] = "การรู้ดิจิทัลฉบับปรับปรุง"
    imports = ModelLogEntry.objects.filter(action="lms.framework_import")
    first = imports.count()  # the fixture's own import created the framework
    framework_import(data=programme_data)
    entry = imports.order_by("-pk").first()
    assert entry.data["updated"] == 1
    assert entry.data["changes"] == [
        {
            "what": "competencies D1",
            "changes": {"name_th": [old, "การรู้ดิจิทัลฉบับปรับปรุง"]},
        }
    ]
    framework_import(data=programme_data)  # unchanged: nothing more logged
    assert imports.count() == first + 1


def test_level_history_causes_are_translated(programme):
    with translation.override("th"):
        assert describe_cause("evidence:3 quiz D1").startswith("หลักฐานใหม่: D1 (")
        assert describe_cause("withdrawn:3") == "ถอนหลักฐาน #3"
        assert describe_cause("volunteer import #4") == "การนำเข้าอาสาสมัคร #4"


def test_the_person_page_shows_level_history_with_causes(
    client, administrator, programme
):
    load_demo_ladder()
    person = factories.make_user()
    LevelChange.objects.create(user=person, cause="withdrawn:9")
    html = client.get(
        reverse("competencies_person_evidence", args=[person.pk]),
        HTTP_ACCEPT_LANGUAGE="th",
    ).content.decode()
    assert "ถอนหลักฐาน #9" in html
