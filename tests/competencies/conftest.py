import json

import pytest
from django.utils import translation

from competencies.models import (
    Competency,
    CompetencyArea,
    CompetencyFramework,
    ProficiencyLevel,
)
from competencies.services import PROGRAMME_FRAMEWORK, load_programme_framework


@pytest.fixture
def programme(db):
    """The programme's own framework, imported from its fixture."""
    return load_programme_framework()


@pytest.fixture
def programme_data():
    """The fixture file as a fresh dict, to be changed by a test."""
    return json.loads(PROGRAMME_FRAMEWORK.read_text(encoding="utf-8"))


@pytest.fixture
def english():
    with translation.override("en"):
        yield


def counts() -> tuple[int, int, int, int]:
    return (
        CompetencyFramework.objects.count(),
        CompetencyArea.objects.count(),
        Competency.objects.count(),
        ProficiencyLevel.objects.count(),
    )
