"""The notice and consent fields of the sign-up form, and the profile's consent form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CONSENT_PURPOSES
from .selectors import notice_current


def consent_fields() -> dict[str, forms.BooleanField]:
    return {
        f"consent_{purpose}": forms.BooleanField(label=label, required=False)
        for purpose, label in CONSENT_PURPOSES.items()
    }


class NoticeConsentFieldsMixin(forms.Form):
    """Adds "I have read the privacy notice" (required while a notice exists)
    and one unticked box per optional use. Mixed into ``SignupForm``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.privacy_notice = notice_current()
        if self.privacy_notice is not None:
            self.fields["accept_notice"] = forms.BooleanField(
                label=_("I have read the privacy notice"),
                error_messages={
                    "required": _("Read the privacy notice and tick the box to go on.")
                },
            )
        self.fields.update(consent_fields())

    def consents(self) -> set[str]:
        """The optional uses ticked (after ``is_valid``)."""
        return {
            purpose
            for purpose in CONSENT_PURPOSES
            if self.cleaned_data.get(f"consent_{purpose}")
        }


class ConsentForm(NoticeConsentFieldsMixin):
    """The profile page's optional consents (no notice box)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("accept_notice", None)


class AcceptForm(forms.Form):
    accept = forms.BooleanField(
        label=_("I have read the privacy notice"),
        error_messages={
            "required": _("Read the privacy notice and tick the box to go on.")
        },
    )
