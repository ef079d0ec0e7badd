"""Trainers record field assessments; administrators review and withdraw evidence."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.accounts.models import normalize_phone
from lms.accounts.roles import ADMINISTRATOR, TRAINER, role_of
from lms.accounts.selectors import scope_filter, scoped_provinces

from . import services
from .models import Competency, CompetencyEvidence


class AssessmentForm(forms.Form):
    person = forms.CharField(
        label=gettext_lazy("Volunteer's phone, e-mail or username"), max_length=254
    )
    competency = forms.ModelChoiceField(
        label=gettext_lazy("Competency"), queryset=Competency.objects.order_by("code")
    )
    proficiency = forms.IntegerField(
        label=gettext_lazy("Proficiency shown"), min_value=1, max_value=9
    )
    comment = forms.CharField(
        label=gettext_lazy("What you saw"), widget=forms.Textarea(attrs={"rows": 3})
    )

    # The provinces whose volunteers the assessor may assess (None: all).
    scope = None

    def clean_person(self):
        value = self.cleaned_data["person"].strip()
        query = Q(username=value) | Q(email__iexact=value)
        phone = normalize_phone(value)
        if len(phone) >= 9:
            query |= Q(phone=phone)
        person = (
            get_user_model()
            .objects.filter(query, scope_filter(self.scope, prefix=""))
            .first()
        )
        if person is None:
            raise forms.ValidationError(
                _("No volunteer has that phone, e-mail or username.")
            )
        return person

    def clean(self):
        cleaned = super().clean()
        competency, level = cleaned.get("competency"), cleaned.get("proficiency")
        if (
            competency
            and level
            and not competency.proficiency_levels.filter(level=level).exists()
        ):
            self.add_error(
                "proficiency", _("This competency has no such proficiency level.")
            )
        return cleaned


def record_assessment(request):
    if role_of(request.user) not in (TRAINER, ADMINISTRATOR):
        raise PermissionDenied
    form = AssessmentForm(request.POST or None)
    form.scope = scoped_provinces(request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.assessment_record(
                assessor=request.user,
                user=data["person"],
                competency=data["competency"],
                proficiency=data["proficiency"],
                comment=data["comment"],
            )
        except services.EvidenceError as err:
            form.add_error(None, str(err))
        else:
            messages.success(
                request,
                _("Assessment recorded for %(name)s.")
                % {"name": data["person"].display_name},
            )
            return redirect("competencies_person_evidence", user_id=data["person"].pk)
    return TemplateResponse(request, "competencies/admin/assess.html", {"form": form})


def person_evidence(request, user_id: int):
    role = role_of(request.user)
    if role not in (TRAINER, ADMINISTRATOR):
        raise PermissionDenied
    # A trainer's reach ends at their provinces: other people are "not found".
    people = get_user_model().objects.filter(
        scope_filter(scoped_provinces(request.user), prefix="")
    )
    person = get_object_or_404(people, pk=user_id)
    if request.method == "POST":
        evidence = get_object_or_404(
            CompetencyEvidence, pk=request.POST.get("evidence"), user=person
        )
        try:
            services.evidence_withdraw(
                evidence=evidence,
                by=request.user,
                reason=request.POST.get("reason", ""),
            )
            messages.success(
                request, _("Evidence withdrawn; the level was recomputed.")
            )
        except services.EvidenceError as err:
            messages.error(request, str(err))
        return redirect("competencies_person_evidence", user_id=person.pk)
    evidence = (
        CompetencyEvidence.objects.filter(user=person)
        .select_related("competency", "created_by", "withdrawn_by", "course")
        .order_by("-created_at")
    )
    status = getattr(person, "volunteer_status", None)
    return TemplateResponse(
        request,
        "competencies/admin/person_evidence.html",
        {
            "person": person,
            "evidence": evidence,
            "can_withdraw": role == ADMINISTRATOR,
            "status": status,
            "level_changes": person.level_changes.select_related(
                "from_level", "to_level"
            )[:50],
        },
    )
