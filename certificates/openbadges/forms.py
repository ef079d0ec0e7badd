"""The upload form of the public "check a credential file" page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .verify import MAX_UPLOAD


class CredentialUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Credential file"),
        required=False,
        help_text=_(
            "A .json or .jwt file, or a badge image (.png, .svg) with the credential baked in."
        ),
    )
    token = forms.CharField(
        label=_("Or paste the credential"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false"}),
        help_text=_("The JWT (eyJ…) or the JSON text."),
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        text = (cleaned.get("token") or "").strip()
        if upload is not None:
            if upload.size > MAX_UPLOAD:
                raise forms.ValidationError(_("The file is too large (at most 1 MB)."))
            cleaned["data"] = upload.read()
        elif text:
            if len(text) > MAX_UPLOAD:
                raise forms.ValidationError(_("The text is too long (at most 1 MB)."))
            cleaned["data"] = text.encode("utf-8")
        else:
            raise forms.ValidationError(_("Choose a file or paste a credential."))
        return cleaned
