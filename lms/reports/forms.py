"""The reports' filter form: region down to sub-district, topic, course, dates."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.choices import Topic
from courses.models import CoursePage
from lms.accounts import regions

from .selectors import REPORT_TITLES, ReportFilters


class ReportFilterForm(forms.Form):
    report = forms.ChoiceField(label=_("Report"), choices=(), required=False)
    province = forms.ChoiceField(label=_("Province"), choices=(), required=False)
    district = forms.ChoiceField(label=_("District"), choices=(), required=False)
    subdistrict = forms.ChoiceField(label=_("Sub-district"), choices=(), required=False)
    topic = forms.ChoiceField(label=_("Topic"), choices=(), required=False)
    course = forms.TypedChoiceField(
        label=_("Course"), choices=(), required=False, coerce=int, empty_value=None
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, scope=None, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        provinces = regions.province_choices()
        if scope is not None:
            provinces = [c for c in provinces if c[0] in scope]
        data = self.data if self.is_bound else self.initial
        province = str(data.get("province") or "")[:2]
        district = str(data.get("district") or "")[:4]
        if not district.startswith(province) or not province:
            district = ""
        f = self.fields
        f["report"].choices = list(REPORT_TITLES.items())
        f["province"].choices = everything + provinces
        f["district"].choices = everything + regions.district_choices(province)
        f["subdistrict"].choices = everything + regions.subdistrict_choices(district)
        f["topic"].choices = everything + list(Topic.choices)
        f["course"].choices = everything + [
            (pk, title)
            for pk, title in CoursePage.objects.order_by("title").values_list(
                "pk", "title"
            )
        ]
        for name, level in (
            ("province", "province"),
            ("district", "district"),
            ("subdistrict", "subdistrict"),
        ):
            f[name].widget.attrs.update({"data-region": level, "autocomplete": "off"})

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        district, subdistrict = cleaned.get("district"), cleaned.get("subdistrict")
        if subdistrict and not district:
            self.add_error("subdistrict", _("Choose the district first."))
        return cleaned

    def get_filters(self) -> ReportFilters:
        c = self.cleaned_data
        return ReportFilters(
            province=c.get("province") or "",
            district=c.get("district") or "",
            subdistrict=c.get("subdistrict") or "",
            topic=c.get("topic") or "",
            course_id=c.get("course"),
            date_from=c.get("date_from"),
            date_to=c.get("date_to"),
        )

    def get_report_key(self) -> str:
        return self.cleaned_data.get("report") or "enrolments"
