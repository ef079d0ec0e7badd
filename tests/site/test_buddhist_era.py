"""Dates Django formats for a Thai reader count years in the Buddhist Era."""

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.log_actions import log

from tests import factories

DAY = datetime.date(2026, 12, 2)


def test_thai_years_are_buddhist_era():
    with translation.override("th"):
        assert date_format(DAY, "j F Y") == "2 ธันวาคม 2569"
        assert date_format(DAY, "y") == "69"
        assert date_format(DAY, "c") == "2026-12-02"  # machine format stays


def test_english_years_stay_gregorian():
    with translation.override("en"):
        assert date_format(DAY, "j F Y") == "2 December 2026"


@pytest.mark.django_db
def test_the_thai_site_history_reads_in_the_buddhist_era(client, home_page):
    admin = factories.make_user(
        role="Administrator", username="boss", is_superuser=True, is_staff=True
    )
    log(home_page, "wagtail.edit", user=admin)
    client.force_login(admin)
    html = client.get("/admin/reports/site-history/", HTTP_ACCEPT_LANGUAGE="th")
    year = timezone.localtime().year
    assert str(year + 543) in html.content.decode()
    assert f" {year}," not in html.content.decode()
