"""Forms for volunteers' accounts (public site) and for the admin's user editor.

The public forms are plain ``forms.Form``s: the writes happen in
``services.py``. Thai is the first language, so names accept any Unicode
letters and combining marks (Thai vowels and tone marks are marks).
"""

import unicodedata

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    SetPasswordForm,
)
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail.users import forms as wagtail_user_forms

from lms.dataprotection.forms import NoticeConsentFieldsMixin

from . import regions, selectors
from .models import normalize_phone
from .services import trainer_scope_set

User = get_user_model()

# Thai mobile numbers: ten digits, 06/08/09 (after +66 was turned into 0).
thai_mobile = RegexValidator(
    r"^0[689]\d{8}$", _("Enter a Thai phone number such as 0812345678.")
)

# The rules of AUTH_PASSWORD_VALIDATORS in one sentence, in the active language.
PASSWORD_HELP = _(
    "At least 8 characters; not only digits, not a common password and not like your name."
)

_NAME_PUNCTUATION = set(" -.'’")


def validate_person_name(value: str) -> None:
    """Letters of any script, combining marks, spaces and - . ' only."""
    for char in value:
        if char in _NAME_PUNCTUATION:
            continue
        if unicodedata.category(char)[0] not in "LM":
            raise ValidationError(
                _("Use letters only (Thai or English)."), code="invalid_name"
            )
    if not any(unicodedata.category(char).startswith("L") for char in value):
        raise ValidationError(
            _("Use letters only (Thai or English)."), code="invalid_name"
        )


def clean_phone_value(value: str, *, exclude_user=None) -> str:
    """Normalise, validate and check that no other account uses the number."""
    phone = normalize_phone(value)
    if not (value or "").strip():
        return ""
    thai_mobile(phone)  # also refuses text without any digits
    if selectors.login_taken(phone, exclude_user=exclude_user):
        raise ValidationError(
            _("This phone number is already registered."), code="taken"
        )
    return phone


def clean_email_value(value: str, *, exclude_user=None) -> str:
    email = (value or "").strip().lower()
    if email and selectors.login_taken(email, exclude_user=exclude_user):
        raise ValidationError(
            _("This e-mail address is already registered."), code="taken"
        )
    return email


class RegionFieldsMixin(forms.Form):
    """Province → district → sub-district, validated against the official codes.

    The drop-downs are filled by static/js/regions.js without a reload; without
    JavaScript the form re-renders with the lists for the chosen province.
    """

    province_code = forms.ChoiceField(label=_("Province"), choices=())
    district_code = forms.ChoiceField(label=_("District"), choices=())
    subdistrict_code = forms.ChoiceField(label=_("Sub-district"), choices=())
    village = forms.CharField(label=_("Village"), max_length=200, required=False)
    organisation = forms.CharField(
        label=_("Organisation"), max_length=200, required=False
    )

    @property
    def has_field_errors(self) -> bool:
        """Errors tied to a field (not only form-wide ones): worth a summary on top."""
        return any(name != NON_FIELD_ERRORS for name in self.errors)

    def _set_region_choices(self):
        data = self.data if self.is_bound else self.initial
        province = str(data.get("province_code") or "")[:2]
        district = str(data.get("district_code") or "")[:4]
        if not district.startswith(province):
            district = ""
        blank = [("", _("Choose…"))]
        fields = self.fields
        fields["province_code"].choices = blank + regions.province_choices()
        fields["district_code"].choices = blank + regions.district_choices(province)
        fields["subdistrict_code"].choices = blank + regions.subdistrict_choices(
            district
        )
        for name, level in (
            ("province_code", "province"),
            ("district_code", "district"),
            ("subdistrict_code", "subdistrict"),
        ):
            fields[name].widget.attrs.update(
                {"data-region": level, "autocomplete": "off"}
            )
        fields["village"].widget.attrs.update({"autocomplete": "address-line1"})
        fields["organisation"].widget.attrs.update({"autocomplete": "organization"})

    def clean(self):
        cleaned = super().clean()
        codes = [
            cleaned.get(k, "")
            for k in ("province_code", "district_code", "subdistrict_code")
        ]
        if all(codes) and not regions.is_valid_region(*codes):
            self.add_error(
                "district_code",
                _("The district or sub-district is not in the chosen province."),
            )
        return cleaned


class ContactFieldsMixin(forms.Form):
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        validators=[validate_person_name],
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        validators=[validate_person_name],
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=20,
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "tel", "inputmode": "tel", "type": "tel"}
        ),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    # The account being edited (profile form), excluded from uniqueness checks.
    user_instance = None

    def clean_phone(self):
        return clean_phone_value(
            self.cleaned_data.get("phone", ""), exclude_user=self.user_instance
        )

    def clean_email(self):
        return clean_email_value(
            self.cleaned_data.get("email", ""), exclude_user=self.user_instance
        )

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("phone") or cleaned.get("email")) and not (
            "phone" in self.errors or "email" in self.errors
        ):
            raise forms.ValidationError(
                _("Enter a phone number or an e-mail address (or both)."),
                code="no_login",
            )
        return cleaned


class SignupForm(
    ContactFieldsMixin, RegionFieldsMixin, NoticeConsentFieldsMixin, forms.Form
):
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    field_order = [
        "first_name",
        "last_name",
        "phone",
        "email",
        "province_code",
        "district_code",
        "subdistrict_code",
        "village",
        "organisation",
        "password1",
        "password2",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_region_choices()
        # The rules of AUTH_PASSWORD_VALIDATORS, in the active language.
        # Django's own validator help is long and not translated into Thai.
        self.fields["password1"].help_text = PASSWORD_HELP

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif p1:
            candidate = User(
                username=cleaned.get("phone") or cleaned.get("email") or "",
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
                email=cleaned.get("email", ""),
                phone=cleaned.get("phone", ""),
            )
            try:
                password_validation.validate_password(p1, candidate)
            except ValidationError as err:
                self.add_error("password1", err)
        return cleaned


class ProfileForm(ContactFieldsMixin, RegionFieldsMixin, forms.Form):
    field_order = [
        "first_name",
        "last_name",
        "phone",
        "email",
        "province_code",
        "district_code",
        "subdistrict_code",
        "village",
        "organisation",
    ]

    def __init__(self, *args, user, **kwargs):
        self.user_instance = user
        super().__init__(*args, **kwargs)
        self._set_region_choices()


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Phone or e-mail"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "The phone number, e-mail or password is not right. Passwords are case-sensitive."
        ),
    }


# --- Wagtail admin: the user editor also manages the phone number ---------


class _AdminPhoneMixin(forms.ModelForm):
    """Phone (normalised, unique) in the admin's user forms; e-mail optional if
    there is a phone, because many volunteers have no e-mail address."""

    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=20,
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "inputmode": "tel", "type": "tel"}
        ),
    )

    scope_provinces = forms.MultipleChoiceField(
        label=_("Provinces served (trainers)"),
        help_text=_(
            "A trainer sees learners, the marking queue and reports only for these provinces."
        ),
        required=False,
        choices=(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "lms-scope-provinces"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = False
        self.fields["scope_provinces"].choices = regions.province_choices()
        if self.instance.pk:
            self.initial["scope_provinces"] = sorted(
                self.instance.trainer_scopes.values_list("province_code", flat=True)
            )

    def save(self, commit=True):
        user = super().save(commit=commit)
        if commit:
            self._save_scope(user)
        else:
            save_m2m = self.save_m2m

            def save_m2m_and_scope():
                save_m2m()
                self._save_scope(user)

            self.save_m2m = save_m2m_and_scope
        return user

    def _save_scope(self, user):
        trainer_scope_set(
            user=user, province_codes=self.cleaned_data.get("scope_provinces", [])
        )

    def _editing(self):
        return self.instance if self.instance.pk else None

    def clean_phone(self):
        return clean_phone_value(
            self.cleaned_data.get("phone", ""), exclude_user=self._editing()
        )

    def clean_email(self):
        return clean_email_value(
            self.cleaned_data.get("email", ""), exclude_user=self._editing()
        )

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("phone") or cleaned.get("email")) and not (
            "phone" in self.errors or "email" in self.errors
        ):
            raise forms.ValidationError(
                _("Enter a phone number or an e-mail address (or both)."),
                code="no_login",
            )
        return cleaned


class WagtailUserCreationForm(_AdminPhoneMixin, wagtail_user_forms.UserCreationForm):
    class Meta(wagtail_user_forms.UserCreationForm.Meta):
        fields = wagtail_user_forms.UserCreationForm.Meta.fields | {"phone"}


class WagtailUserEditForm(_AdminPhoneMixin, wagtail_user_forms.UserEditForm):
    class Meta(wagtail_user_forms.UserEditForm.Meta):
        fields = wagtail_user_forms.UserEditForm.Meta.fields | {"phone"}


# --- Password reset: by SMS code for phones, by e-mail link for e-mail ----


class PasswordResetStartForm(forms.Form):
    """A phone number (a code by SMS) or an e-mail address (a link by e-mail)."""

    login = forms.CharField(
        label=_("Phone or e-mail"),
        max_length=254,
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "inputmode": "email", "autofocus": True}
        ),
        help_text=_("The phone number or e-mail address you sign in with."),
    )

    def clean_login(self):
        value = self.cleaned_data["login"].strip()
        if "@" in value:
            return forms.EmailField().clean(value).lower()
        phone = normalize_phone(value)
        if not phone:
            raise ValidationError(
                _("Enter a phone number such as 0812345678 or an e-mail address."),
                code="invalid",
            )
        thai_mobile(phone)
        return phone

    @property
    def is_email(self) -> bool:
        return "@" in self.cleaned_data.get("login", "")


class ResetCodeForm(forms.Form):
    code = forms.CharField(
        label=_("6-digit code"),
        max_length=12,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9 ]*",
                "autofocus": True,
            }
        ),
    )

    def clean_code(self):
        code = "".join(ch for ch in self.cleaned_data["code"] if ch.isdigit())
        if len(code) != 6:
            raise ValidationError(_("The code has 6 digits."), code="invalid")
        return code


class _PasswordUnderFirstBox:
    """Django puts the validators' messages under the confirmation box; a
    person reads them under the password they are choosing."""

    def clean(self):
        self.validate_passwords("new_password1", "new_password2")
        self.validate_password_for_user(self.user, "new_password1")
        return forms.Form.clean(self)

    def _set_help(self):
        self.fields["new_password1"].help_text = PASSWORD_HELP
        self.fields["new_password1"].widget.attrs["autocomplete"] = "new-password"
        self.fields["new_password2"].widget.attrs["autocomplete"] = "new-password"


class NewPasswordForm(_PasswordUnderFirstBox, SetPasswordForm):
    """The last step of a reset (SMS code or e-mail link)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_help()


class ChangePasswordForm(_PasswordUnderFirstBox, PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_help()
