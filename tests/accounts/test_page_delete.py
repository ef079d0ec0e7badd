"""A trainer opens the delete page only of a draft they own."""

import pytest
from django.urls import reverse

from courses.models import CoursePage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(roles, catalogue):
    trainer = factories.make_user(role="Trainer")
    other = factories.make_user(role="Trainer")
    own = catalogue.add_child(
        instance=CoursePage(title="ร่างของฉัน", owner=trainer, live=False)
    )
    theirs = catalogue.add_child(
        instance=CoursePage(title="ร่างของคนอื่น", owner=other, live=False)
    )
    return trainer, own, theirs


def delete_url(page):
    return reverse("wagtailadmin_pages:delete", args=[page.pk])


def test_a_trainer_cannot_open_the_deletion_of_a_colleagues_draft(client, pages):
    trainer, _own, theirs = pages
    client.force_login(trainer)
    assert client.get(delete_url(theirs)).status_code in (302, 403)
    client.post(delete_url(theirs))
    assert CoursePage.objects.filter(pk=theirs.pk).exists()


def test_a_trainer_deletes_their_own_abandoned_draft(client, pages):
    trainer, own, _theirs = pages
    client.force_login(trainer)
    assert client.get(delete_url(own)).status_code == 200
    client.post(delete_url(own))
    assert not CoursePage.objects.filter(pk=own.pk).exists()


def test_an_administrator_opens_any_deletion(client, pages):
    _trainer, _own, theirs = pages
    client.force_login(factories.make_user(role="Administrator"))
    assert client.get(delete_url(theirs)).status_code == 200
