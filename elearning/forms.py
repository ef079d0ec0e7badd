from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from . import archive, services


class PackagePageForm(WagtailAdminPageForm):
    """The package step's editor form: uploading a file checks it, unpacks it
    and attaches it to this revision; leaving it empty keeps the package."""

    upload = forms.FileField(
        label=_("SCORM or H5P package"),
        required=False,
        help_text=_(
            "A SCORM 1.2 or 2004 package (.zip with imsmanifest.xml) or an H5P file (.h5p). "
            "Uploading a new one replaces the package; learners' completed steps are kept."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,.h5p"}),
    )

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if not upload:
            if self.instance.package_id is None:
                raise forms.ValidationError(_("Upload a SCORM package or an H5P file."))
            return None
        try:
            self.instance.package = services.package_create(
                upload=upload, user=getattr(self, "for_user", None)
            )
        except archive.PackageError as err:
            raise forms.ValidationError(str(err)) from err
        return None
