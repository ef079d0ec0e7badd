"""Constraints and helpers of the framework models."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from competencies.models import CompetencyArea, ProficiencyLevel
from tests import factories


class TestConstraints:
    def test_competency_codes_are_unique_across_frameworks(self, db):
        competency = factories.make_competency(code="D9")
        other_area = factories.make_area()
        with pytest.raises(IntegrityError):
            factories.make_competency(area=other_area, code="D9", levels=0)
        assert competency.area.framework != other_area.framework

    def test_area_codes_are_unique_within_a_framework_only(self, db):
        area = factories.make_area(code="digital")
        with pytest.raises(IntegrityError), transaction.atomic():
            CompetencyArea.objects.create(
                framework=area.framework, code="digital", name_th="ซ้ำ"
            )
        elsewhere = factories.make_area(code="digital")
        assert elsewhere.framework != area.framework

    def test_a_competency_has_each_level_once(self, db):
        competency = factories.make_competency(levels=1)
        with pytest.raises(IntegrityError):
            ProficiencyLevel.objects.create(
                competency=competency, level=1, name_th="ซ้ำ"
            )

    def test_an_area_in_use_cannot_be_deleted(self, db):
        from django.db.models import ProtectedError

        competency = factories.make_competency()
        with pytest.raises(ProtectedError):
            competency.area.delete()


class TestBilingualNames:
    def test_name_follows_the_active_language(self, db):
        competency = factories.make_competency(
            name_th="การรู้ดิจิทัล", name_en="Digital literacy"
        )
        with translation.override("en"):
            assert competency.name == "Digital literacy"
        with translation.override("th"):
            assert competency.name == "การรู้ดิจิทัล"

    def test_english_falls_back_to_thai(self, db):
        competency = factories.make_competency(name_th="การรู้ดิจิทัล", name_en="")
        with translation.override("en"):
            assert competency.name == "การรู้ดิจิทัล"

    def test_indicators_are_the_non_blank_lines(self, db):
        level = factories.make_competency(levels=1).proficiency_levels.get()
        level.indicators_th = "ตั้งรหัสผ่าน\r\n\r\n  เปิด 2FA \n"
        with translation.override("th"):
            assert level.indicators == ["ตั้งรหัสผ่าน", "เปิด 2FA"]
