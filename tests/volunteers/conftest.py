"""Fixtures for importing volunteers: people already in the system, the ladder."""

from pathlib import Path

import pytest

from tests import factories

FILES = Path(__file__).parent / "files"


def read(name: str) -> bytes:
    return (FILES / name).read_bytes()


@pytest.fixture
def existing(roles):
    """Two people already registered, and an account whose username is a phone number."""
    a = factories.make_user(
        username="0899999999", phone="0899999999", email="existing@example.org"
    )
    b = factories.make_user(
        username="other@example.org", phone="", email="other@example.org"
    )
    c = factories.make_user(username="0877777777", phone="", email="c@example.org")
    return a, b, c


@pytest.fixture
def administrator(roles):
    return factories.make_user(
        role="Administrator", username="admin1", email="admin1@example.org"
    )


@pytest.fixture
def ladder(db):
    from competencies.demo import load_demo_ladder
    from competencies.services import load_programme_framework

    load_programme_framework()
    return load_demo_ladder()


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in English (Thai comes from locale/ after integration)."""
    from django.utils import translation

    with translation.override("en"):
        yield
