from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

from courses.progress_selectors import canonical_page
from lms.slugs import ThaiSlugPageForm

# Kept free of model imports: models.py uses these forms as base_form_class.
SINGLE, MULTIPLE, TRUE_FALSE, SHORT, FREE, MATCHING, NUMERICAL = (
    "single",
    "multiple",
    "true_false",
    "short",
    "free",
    "matching",
    "numerical",
)


def _live_forms(formset) -> list:
    return [
        f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")
    ]


TRUE_FALSE_ANSWERS = [("", "---------"), ("true", _l("True")), ("false", _l("False"))]


class QuestionForm(WagtailAdminModelForm):
    """Checks that the options fit the question type before anything is saved.

    Single choice and true/false: at least two options, exactly one correct.
    Multiple choice: at least two options, at least one correct. Short answer:
    at least one accepted answer (checked by ``Question.clean``) and no
    options; free text: no options.
    """

    # True/false: choose the right answer; the two options are made on save.
    true_false_answer = forms.ChoiceField(
        label=_l("correct answer (true/false)"),
        help_text=_l(
            "True/false only: the options “True” and “False” are created for you."
        ),
        choices=TRUE_FALSE_ANSWERS,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "course" in self.fields:
            # Banks belong to the default-language course, listed by title.
            field = self.fields["course"]
            field.queryset = field.queryset.filter(
                locale=Locale.get_default()
            ).order_by("title")

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        formset = self.formsets.get("options")
        if formset is None or not formset.is_valid():
            return cleaned
        options = [f.cleaned_data for f in _live_forms(formset)]
        if kind == TRUE_FALSE and not options:
            if not cleaned.get("true_false_answer"):
                raise forms.ValidationError(
                    _("Choose whether the statement is true or false.")
                )
            return cleaned
        correct = sum(1 for o in options if o.get("is_correct"))
        if kind in (SINGLE, TRUE_FALSE):
            if len(options) < 2:
                raise forms.ValidationError(_("Give at least two options."))
            if kind == TRUE_FALSE and len(options) != 2:
                raise forms.ValidationError(
                    _("A true-or-false question has exactly two options.")
                )
            if correct != 1:
                raise forms.ValidationError(_("Mark exactly one option as correct."))
        elif kind == MULTIPLE:
            if len(options) < 2:
                raise forms.ValidationError(_("Give at least two options."))
            if correct < 1:
                raise forms.ValidationError(_("Mark at least one option as correct."))
        elif kind == MATCHING:
            if len(options) < 2:
                raise forms.ValidationError(
                    _("A matching question needs at least two items.")
                )
            if any(not (o.get("match_th") or "").strip() for o in options):
                raise forms.ValidationError(
                    _("Give every item of a matching question its matching answer.")
                )
        elif kind in (SHORT, FREE, NUMERICAL) and options:
            raise forms.ValidationError(
                _("Short, numerical and free-text questions have no options.")
            )
        return cleaned

    def save(self, commit=True):
        question = super().save(commit=commit)
        answer = self.cleaned_data.get("true_false_answer")
        Option = type(question).options.rel.related_model
        if (
            commit
            and question.kind == TRUE_FALSE
            and answer
            and not Option.objects.filter(question=question).exists()
        ):
            Option.objects.bulk_create(
                [
                    Option(
                        question=question,
                        text_th="ถูก",
                        text_en="True",
                        is_correct=answer == "true",
                        sort_order=0,
                    ),
                    Option(
                        question=question,
                        text_th="ผิด",
                        text_en="False",
                        is_correct=answer == "false",
                        sort_order=1,
                    ),
                ]
            )
        return question


class QuizPageForm(ThaiSlugPageForm):
    """A quiz may only use questions from its own course's bank.

    ``bank_course`` (hidden) carries the course's id to the question chooser,
    which then lists only that bank.
    """

    bank_course = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        course = self._course()
        if course is not None:
            self.initial["bank_course"] = course.pk

    def _course(self):
        parent = getattr(self, "parent_page", None)
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        course = parent.get_parent() if parent is not None else None
        return canonical_page(course) if course is not None else None

    def clean(self):
        cleaned = super().clean()
        course = self._course()
        formset = self.formsets.get("question_links")
        if course is None or formset is None or not formset.is_valid():
            return cleaned
        chosen = [f.cleaned_data.get("question") for f in _live_forms(formset)]
        strangers = [q for q in chosen if q is not None and q.course_id != course.pk]
        if strangers:
            raise forms.ValidationError(
                _("These questions belong to another course's bank: %(questions)s")
                % {"questions": "; ".join(str(q) for q in strangers)}
            )
        ids = [q.pk for q in chosen if q is not None]
        if len(ids) != len(set(ids)):
            raise forms.ValidationError(_("A question is chosen twice."))
        tag = (cleaned.get("random_tag") or "").strip()
        if tag and not chosen:
            # The bank's model, from the question links' field: forms sit below models.
            Question = formset.model._meta.get_field("question").related_model
            if not Question.objects.filter(
                course_id=course.pk, tags__name__iexact=tag
            ).exists():
                self.add_error(
                    "random_tag", _("No question in this course's bank has this tag.")
                )
        return cleaned


class MarkingFilterForm(forms.Form):
    """The marking queue's filters (GET): a quiz and a province.

    The province choices are the trainer's own provinces (all for an
    administrator); a value outside them is invalid and filters nothing."""

    quiz = forms.TypedChoiceField(
        label=_l("Quiz"), required=False, coerce=int, empty_value=None
    )
    province = forms.ChoiceField(label=_l("Province"), required=False)

    def __init__(self, *args, quizzes, provinces, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["quiz"].choices = [("", _("All quizzes"))] + [
            (str(pk), title) for pk, title in quizzes
        ]
        self.fields["province"].choices = [("", _("All my provinces"))] + list(
            provinces
        )

    def filters(self) -> dict:
        """``quiz_id`` and ``province`` for the selectors (``None``: no filter)."""
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "quiz_id": data.get("quiz"),
            "province": data.get("province") or None,
        }
