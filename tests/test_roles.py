"""The three roles' permissions, as lms.accounts.roles defines them."""

import pytest
from django.urls import reverse

from lms.accounts import roles
from tests import factories


@pytest.fixture
def course(roles, catalogue):
    return factories.make_course(catalogue, modules=1, lessons=1)


class TestRoleGroups:
    def test_migration_creates_the_three_role_groups_and_nothing_else(self, db):
        from django.contrib.auth.models import Group

        assert set(Group.objects.values_list("name", flat=True)) == set(
            roles.ROLE_GROUPS
        )

    def test_sync_is_idempotent(self, db):
        from wagtail.models import GroupPagePermission

        roles.sync_roles()
        before = GroupPagePermission.objects.count()
        roles.sync_roles()
        assert GroupPagePermission.objects.count() == before

    def test_role_of_prefers_the_highest_role(self, db):
        user = factories.make_user(role="Trainer")
        assert roles.role_of(user) == roles.TRAINER
        user.groups.add(factories.Group.objects.get(name="Administrator"))
        assert roles.role_of(user) == roles.ADMINISTRATOR


class TestPagePermissions:
    def test_trainer_can_author_but_not_publish(self, course):
        trainer = factories.make_user(role="Trainer")
        perms = course.permissions_for_user(trainer)
        assert perms.can_add_subpage()
        assert perms.can_edit()
        assert not perms.can_publish()
        assert not perms.can_delete()

    def test_administrator_can_publish(self, course):
        admin = factories.make_user(role="Administrator")
        perms = course.permissions_for_user(admin)
        assert perms.can_publish()
        assert perms.can_edit()

    def test_volunteer_can_do_nothing_in_the_tree(self, course):
        volunteer = factories.make_user(role="Volunteer")
        perms = course.permissions_for_user(volunteer)
        assert not perms.can_edit()
        assert not perms.can_add_subpage()
        assert not perms.can_publish()

    def test_moderation_goes_to_administrators(self, course):
        workflow = course.get_workflow()
        assert workflow is not None
        task = workflow.tasks.first().specific
        assert [g.name for g in task.groups.all()] == [roles.ADMINISTRATOR]


class TestAdminAccess:
    @pytest.mark.parametrize(
        ("role", "allowed"),
        [("Volunteer", False), ("Trainer", True), ("Administrator", True)],
    )
    def test_admin_dashboard(self, client, roles, role, allowed):
        user = factories.make_user(role=role)
        client.force_login(user)
        response = client.get(reverse("wagtailadmin_home"))
        if allowed:
            assert response.status_code == 200
        else:
            assert response.status_code == 302
            assert reverse("wagtailadmin_login") in response["Location"]

    def test_trainer_edit_view_offers_submit_not_publish(self, client, course):
        trainer = factories.make_user(role="Trainer")
        client.force_login(trainer)
        response = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk]))
        assert response.status_code == 200
        html = response.content.decode()
        assert 'name="action-submit"' in html
        assert 'name="action-publish"' not in html
