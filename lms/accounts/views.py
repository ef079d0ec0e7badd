"""Volunteers' accounts on the public site: sign up, sign in/out, password, profile."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from . import ceiling, limits, regions, selectors, services
from .backends import throttle_key
from .forms import LoginForm, ProfileForm, SignupForm

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
        return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"

    def get_success_url(self):
        messages.success(self.request, _("Your password was changed."))
        return reverse("accounts:profile")
