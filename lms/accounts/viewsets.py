"""The Wagtail admin's user editor, with the phone number volunteers sign in with.

Wagtail 6+ takes custom user forms from a ``UserViewSet`` named by the
``wagtail.users`` app config (``WAGTAIL_USER_EDIT_FORM`` is gone), so
settings install ``lms.accounts.apps.WagtailUsersConfig`` instead of
``wagtail.users``.
"""

from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import WagtailUserCreationForm, WagtailUserEditForm


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return WagtailUserEditForm if for_update else WagtailUserCreationForm
