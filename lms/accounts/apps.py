from django.apps import AppConfig, apps
from django.contrib.auth.signals import user_login_failed
from django.db.models.signals import m2m_changed, post_migrate
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig

from lms.i18n import use_buddhist_era_in_thai


class AccountsConfig(AppConfig):
    name = "lms.accounts"
    label = "accounts"
    verbose_name = _("accounts")

    def ready(self):
        # reason: these import models, which Django loads only once the app registry is ready
        from . import backends, models, receivers, roles

        use_buddhist_era_in_thai()

        m2m_changed.connect(
            receivers.on_groups_changed,
            sender=models.User.groups.through,
            dispatch_uid="lms_audit_role_change",
        )

        user_login_failed.connect(
            backends.count_failed_sign_in, dispatch_uid="lms_login_ceiling"
        )

        # post_migrate is sent once per app, in INSTALLED_APPS order; the last
        # app's signal comes after every app's permissions were created.
        last_app = list(apps.get_app_configs())[-1]
        post_migrate.connect(
            roles.sync_roles_after_migrate,
            sender=last_app,
            dispatch_uid="lms_sync_roles",
        )


class WagtailUsersConfig(WagtailUsersAppConfig):
    """``wagtail.users`` with our user forms (phone number, e-mail optional)."""

    user_viewset = "lms.accounts.viewsets.UserViewSet"
