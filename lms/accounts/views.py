"""Volunteers' accounts on the public site: sign up, sign in/out, password, profile."""

import time

from axes.helpers import get_client_ip_address
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from lms.dataprotection import services as dataprotection

from . import ceiling, limits, recovery, regions, selectors, services
from .backends import throttle_key
from .forms import (
    ChangePasswordForm,
    LoginForm,
    NewPasswordForm,
    PasswordResetStartForm,
    ProfileForm,
    ResetCodeForm,
    SignupForm,
)

# A submit button without JavaScript: re-render the form with the district and
# sub-district lists of the chosen province and district, saving nothing.
REFRESH = "refresh"


def _home_url(request) -> str:
    """The learning dashboard, or the home page while it does not exist."""
    try:
        return reverse("courses:dashboard")
    except NoReverseMatch:
        return "/"


def _safe_next(request) -> str:
    """The ``next`` parameter if it stays on this site, else ""."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def signup(request):
    if request.user.is_authenticated:
        return HttpResponseRedirect(_safe_next(request) or _home_url(request))
    if request.method == "POST" and limits.signup_refused(request):
        response = TemplateResponse(request, "accounts/signup_limited.html", status=429)
        response["Retry-After"] = str(limits.signup_window())
        return response
    if request.method == "POST" and REFRESH in request.POST:
        form = SignupForm(initial=request.POST.dict())
    else:
        form = SignupForm(request.POST or None)
    if form.is_bound and not form.is_valid():
        if any(form.has_error(name, code="taken") for name in ("phone", "email")):
            limits.count_signup_taken(request)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        user = services.volunteer_register(
            first_name=data["first_name"],
            last_name=data["last_name"],
            phone=data["phone"],
            email=data["email"],
            password=data["password1"],
            province_code=data["province_code"],
            district_code=data["district_code"],
            subdistrict_code=data["subdistrict_code"],
            village=data["village"],
            organisation=data["organisation"],
        )
        dataprotection.signup_record(user=user, consents=form.consents())
        login(request, user, backend="lms.accounts.backends.PhoneOrEmailBackend")
        messages.success(request, _("Welcome! Your account is ready."))
        return HttpResponseRedirect(_safe_next(request) or _home_url(request))
    return TemplateResponse(
        request, "accounts/signup.html", {"form": form, "next": _safe_next(request)}
    )


@login_required
def profile(request):
    user = request.user
    initial = selectors.profile_initial(user)
    if request.method == "POST" and REFRESH in request.POST:
        form = ProfileForm(initial={**initial, **request.POST.dict()}, user=user)
    else:
        form = ProfileForm(request.POST or None, initial=initial, user=user)
    if form.is_bound and form.is_valid():
        services.profile_update(user=user, **form.cleaned_data)
        messages.success(request, _("Your details were saved."))
        return HttpResponseRedirect(reverse("accounts:profile"))
    return TemplateResponse(
        request,
        "accounts/profile.html",
        {"form": form, "profile": selectors.profile_of(user)},
    )


@require_GET
@cache_control(max_age=86400, public=True)
def region_options(request):
    """JSON for the linked drop-downs, names in the URL's language, Thai-sorted.

    ``?province=50`` gives its districts, ``?district=5001`` its sub-districts;
    an unknown code gives an empty list.
    """
    if "district" in request.GET:
        code = request.GET["district"].strip()
        options = (
            regions.subdistrict_choices(code)
            if len(code) == 4 and code.isdigit()
            else []
        )
    else:
        code = request.GET.get("province", "").strip()
        options = (
            regions.district_choices(code) if len(code) == 2 and code.isdigit() else []
        )
    return JsonResponse({"options": [{"code": c, "name": name} for c, name in options]})


class LoginView(auth_views.LoginView):
    """Phone or e-mail + password; Django's view refuses off-site ``next`` URLs."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return _home_url(self.request)

    def post(self, request, *args, **kwargs):
        account = throttle_key(request)
        if ceiling.refused(request, account):
            # Refused before the password is even checked: no more guesses.
            form = self.get_form_class()(
                request, initial={"username": request.POST.get("username", "")}
            )
            context = self.get_context_data(
                form=form,
                ceiling_reached=True,
                ceiling_minutes=max(1, ceiling.window() // 60),
            )
            response = self.render_to_response(context, status=429)
            response["Retry-After"] = str(ceiling.window())
            return response
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        ceiling.remember_device(self.request, response, form.get_user().get_username())
        return response


class LogoutView(auth_views.LogoutView):
    """POST only (Django 5): a link or a prefetch cannot sign anyone out."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You have signed out."))
        # The phone forgets this account: saved courses (the service worker's
        # caches), queued offline marks (IndexedDB) and the worker itself.
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response


# Session keys of the SMS reset: the number a code was asked for, then (after
# the right code) which account may set a new password, until when.
RESET_PHONE = "pwreset_phone"
RESET_GRANT = "pwreset_grant"
_SIGN_IN_BACKEND = "lms.accounts.backends.PhoneOrEmailBackend"


def _send_reset_email(request, email: str) -> None:
    form = PasswordResetForm(data={"email": email})
    if form.is_valid():
        form.save(
            request=request,
            use_https=request.is_secure(),
            subject_template_name="accounts/password_reset_subject.txt",
            email_template_name="accounts/password_reset_email.txt",
        )


@never_cache
@require_http_methods(["GET", "POST"])
def password_reset(request):
    """Step 1: a phone number (a code by SMS) or an e-mail (a link).

    The answer is the same whether or not an account uses the number or the
    address; only the limits (which count unknown numbers too) refuse."""
    data = None
    if request.method == "POST":
        data = request.POST.copy()
        if "login" not in data and "email" in data:  # the e-mail-only form's field
            data["login"] = data["email"]
    form = PasswordResetStartForm(data)
    if form.is_bound and form.is_valid():
        login_value = form.cleaned_data["login"]
        if form.is_email:
            _send_reset_email(request, login_value)
            return HttpResponseRedirect(reverse("accounts:password_reset_done"))
        try:
            recovery.reset_code_request(
                phone=login_value, ip_address=get_client_ip_address(request)
            )
        except recovery.RecoveryError as err:
            form.add_error("login", str(err))
        else:
            request.session[RESET_PHONE] = login_value
            request.session.pop(RESET_GRANT, None)
            return HttpResponseRedirect(reverse("accounts:password_reset_code"))
    return TemplateResponse(request, "accounts/password_reset.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def password_reset_code(request):
    """Step 2: the 6-digit code from the SMS (or, with ``resend``, a new code)."""
    phone = request.session.get(RESET_PHONE)
    if not phone:
        return HttpResponseRedirect(reverse("accounts:password_reset"))
    form = ResetCodeForm(None if "resend" in request.POST else (request.POST or None))
    if request.method == "POST" and "resend" in request.POST:
        try:
            recovery.reset_code_request(
                phone=phone, ip_address=get_client_ip_address(request)
            )
        except recovery.RecoveryError as err:
            messages.error(request, str(err))
        else:
            messages.info(request, _("A new code is on its way."))
        return HttpResponseRedirect(reverse("accounts:password_reset_code"))
    if form.is_bound and form.is_valid():
        result = recovery.reset_code_check(phone=phone, code=form.cleaned_data["code"])
        if result.user is not None:
            request.session.cycle_key()
            request.session.pop(RESET_PHONE, None)
            request.session[RESET_GRANT] = {
                "user": result.user.pk,
                "until": time.time() + recovery.CODE_LIFETIME.total_seconds(),
            }
            return HttpResponseRedirect(reverse("accounts:password_reset_new"))
        form.add_error("code", result.error)
    return TemplateResponse(
        request, "accounts/password_reset_code.html", {"form": form, "phone": phone}
    )


@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
@require_http_methods(["GET", "POST"])
def password_reset_new(request):
    """Step 3: the new password, then signed in (every other session ends)."""
    grant = request.session.get(RESET_GRANT) or {}
    user = None
    if grant.get("until", 0) > time.time():
        user = (
            get_user_model()
            .objects.filter(pk=grant.get("user"), is_active=True)
            .first()
        )
    if user is None:
        request.session.pop(RESET_GRANT, None)
        messages.error(request, _("This code has expired. Ask for a new code."))
        return HttpResponseRedirect(reverse("accounts:password_reset"))
    form = NewPasswordForm(user, request.POST or None)
    if form.is_bound and form.is_valid():
        recovery.password_reset_set(
            user=user, password=form.cleaned_data["new_password1"]
        )
        request.session.pop(RESET_GRANT, None)
        login(request, user, backend=_SIGN_IN_BACKEND)
        messages.success(
            request,
            _(
                "Your new password is saved and you are signed in. Other devices were signed out."
            ),
        )
        return HttpResponseRedirect(_home_url(request))
    return TemplateResponse(
        request,
        "accounts/password_reset_confirm.html",
        {"form": form, "validlink": True},
    )


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The e-mail link's page: the same rules as the SMS reset's last step."""

    template_name = "accounts/password_reset_confirm.html"
    form_class = NewPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        # Not form.save(): one service sets every reset's password.
        recovery.password_reset_set(
            user=form.user, password=form.cleaned_data["new_password1"]
        )
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = ChangePasswordForm

    def get_success_url(self):
        messages.success(self.request, _("Your password was changed."))
        return reverse("accounts:profile")
