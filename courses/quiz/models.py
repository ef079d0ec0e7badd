import random
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page, PreviewableMixin
from wagtail.snippets.widgets import AdminSnippetChooser

from competencies.models import CompetencyLink
from courses.models.pages import reader_context
from lms.i18n import localized

from .forms import QuestionForm, QuizPageForm


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TRUE_FALSE = "true_false", _("True or false")
    SHORT = "short", _("Short answer")
    FREE = "free", _("Free text (marked by a trainer)")
    MATCHING = "matching", _("Matching")
    NUMERICAL = "numerical", _("Numerical")


class HiddenFieldPanel(FieldPanel):
    """Only the field's hidden input: no label, help text or comment button."""

    class BoundPanel(FieldPanel.BoundPanel):
        template_name = "quiz/admin/hidden_field_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.heading = ""


class FeedbackMode(models.TextChoices):
    ALWAYS = "always", _("After each attempt")
    ON_PASS = "on_pass", _("Only after passing")
    NEVER = "never", _("Never")


class QuestionTag(TaggedItemBase):
    """Tags group a bank's questions (for example by module) so a quiz can
    draw at random from a tagged subset."""

    content_object = ParentalKey(
        "quiz.Question", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Question(PreviewableMixin, ClusterableModel):
    """A question in a course's question bank, in Thai with an optional English version.

    The bank is keyed to the (default-language) course, so the Thai page and
    its English translation share one bank; ``localized`` picks the text for
    the reader's language. Quizzes draw from the bank of their course. What is
    correct (``Option.is_correct``, ``accepted_answers``) is kept here and is
    never rendered before an attempt is graded. The admin searches it with the
    database (``icontains``), which finds a Thai word inside a phrase.
    """

    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("course"),
    )
    kind = models.CharField(
        _("type"),
        max_length=16,
        choices=QuestionKind.choices,
        default=QuestionKind.SINGLE,
    )
    text_th = models.TextField(_("question (Thai)"))
    text_en = models.TextField(_("question (English)"), blank=True, default="")
    explanation_th = models.TextField(_("explanation (Thai)"), blank=True, default="")
    explanation_en = models.TextField(
        _("explanation (English)"), blank=True, default=""
    )
    accepted_answers = models.TextField(
        _("accepted answers"),
        blank=True,
        default="",
        help_text=_(
            "Short answer only: one accepted answer per line, Thai or English."
        ),
    )
    numeric_answer = models.FloatField(
        _("numerical answer"),
        null=True,
        blank=True,
        help_text=_("Numerical only: the correct number."),
    )
    numeric_tolerance = models.FloatField(
        _("tolerance (±)"),
        default=0,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_(
            "Numerical only: an answer this far from the correct number still counts."
        ),
    )
    points = models.PositiveSmallIntegerField(
        _("points"), default=1, validators=[MinValueValidator(1)]
    )
    tags = ClusterTaggableManager(
        through=QuestionTag,
        blank=True,
        verbose_name=_("tags"),
        help_text=_(
            "Optional: group questions, e.g. by module, so a quiz can draw from a tagged subset."
        ),
    )

    panels = [
        # A list of the courses (QuestionForm), not a page chooser from Root.
        FieldPanel("course", widget=forms.Select),
        FieldPanel("kind"),
        FieldPanel("text_th"),
        FieldPanel("text_en"),
        FieldPanel("true_false_answer"),
        InlinePanel(
            "options",
            label=_("option"),
            heading=_("options (choice and true/false questions)"),
        ),
        FieldPanel("accepted_answers"),
        MultiFieldPanel(
            [FieldPanel("numeric_answer"), FieldPanel("numeric_tolerance")],
            heading=_("numerical answer"),
        ),
        FieldPanel("explanation_th"),
        FieldPanel("explanation_en"),
        FieldPanel("points"),
        FieldPanel("tags"),
    ]
    base_form_class = QuestionForm

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["course", "pk"]

    def __str__(self):
        return self.text_th[:80]

    @property
    def text(self) -> str:
        return localized(self, "text")

    # Wagtail's preview panel: the question as the take page shows it (no key).
    def get_preview_template(self, request, mode_name):
        return "quiz/question_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        options = sorted(self.options.all(), key=lambda o: o.sort_order or 0)
        matches, seen = [], set()
        for option in options:
            if option.match_th and option.match_th not in seen:
                seen.add(option.match_th)
                matches.append(option)
        random.shuffle(matches)
        context["q"] = {
            "number": 1,
            "id": self.pk or 0,
            "kind": self.kind,
            "text": self.text,
            "points": self.points,
            "value": "",
            "options": [
                {"id": o.pk or i, "text": o.text, "chosen": False, "pick": -1}
                for i, o in enumerate(options)
            ],
            "choices": [{"index": i, "text": o.match} for i, o in enumerate(matches)]
            if self.kind == QuestionKind.MATCHING
            else [],
        }
        return context

    @property
    def explanation(self) -> str:
        return localized(self, "explanation")

    def accepted_list(self) -> list[str]:
        return [line for line in self.accepted_answers.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        if self.numeric_tolerance is None:
            self.numeric_tolerance = 0
        if self.kind == QuestionKind.SHORT and not self.accepted_list():
            raise ValidationError(
                {"accepted_answers": _("Give at least one accepted answer.")}
            )
        if self.kind == QuestionKind.NUMERICAL and self.numeric_answer is None:
            raise ValidationError({"numeric_answer": _("Give the correct number.")})


class Option(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="options")
    text_th = models.CharField(_("option (Thai)"), max_length=500)
    text_en = models.CharField(
        _("option (English)"), max_length=500, blank=True, default=""
    )
    is_correct = models.BooleanField(_("correct"), default=False)
    # Matching questions: the option is the item, this is the answer it pairs with.
    match_th = models.CharField(
        _("matching answer (Thai)"),
        max_length=500,
        blank=True,
        default="",
        help_text=_("Matching only: the answer this item pairs with."),
    )
    match_en = models.CharField(
        _("matching answer (English)"), max_length=500, blank=True, default=""
    )

    panels = [
        FieldPanel("text_th"),
        FieldPanel("text_en"),
        FieldPanel("is_correct"),
        FieldPanel("match_th"),
        FieldPanel("match_en"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("option")
        verbose_name_plural = _("options")

    @property
    def text(self) -> str:
        return localized(self, "text")

    @property
    def match(self) -> str:
        return localized(self, "match")


class QuizPage(Page):
    """A graded quiz, one step of a course. Settings decide selection, limits and feedback."""

    intro = models.TextField(_("introduction"), blank=True, default="")
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=0, help_text=_("0 = unlimited")
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"), default=0, help_text=_("0 = none")
    )
    random_questions = models.PositiveSmallIntegerField(
        _("random questions from the bank"),
        default=0,
        help_text=_(
            "Used when no question is chosen below: draw this many at random from the course's bank (0 = all)."
        ),
    )
    random_tag = models.CharField(
        _("draw only questions tagged"),
        max_length=100,
        blank=True,
        default="",
        help_text=_(
            "Used with a random draw: limit it to the bank's questions with this tag (empty = the whole bank)."
        ),
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_options = models.BooleanField(_("shuffle options"), default=True)
    feedback = models.CharField(
        _("feedback"),
        max_length=16,
        choices=FeedbackMode.choices,
        default=FeedbackMode.ALWAYS,
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("attempts_allowed"),
                FieldPanel("time_limit_minutes"),
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_options"),
                FieldPanel("feedback"),
            ],
            heading=_("settings"),
        ),
        MultiFieldPanel(
            [
                HiddenFieldPanel("bank_course"),
                InlinePanel("question_links", label=_("question")),
                FieldPanel("random_questions"),
                FieldPanel("random_tag"),
            ],
            heading=_("questions"),
        ),
        MultiFieldPanel(
            [InlinePanel("competency_links", label=_("competency"))],
            heading=_("competencies shown by passing"),
        ),
    ]

    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []
    base_form_class = QuizPageForm

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            reader_context(self, request)
        )  # courses.page_context.quiz_context
        return context


class QuizQuestion(Orderable):
    quiz = ParentalKey(
        QuizPage, on_delete=models.CASCADE, related_name="question_links"
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="+", verbose_name=_("question")
    )

    # The chooser opens on the quiz's own course's bank: it sends the course id
    # kept in the quiz form's hidden ``bank_course`` field (QuizPageForm).
    panels = [
        FieldPanel(
            "question",
            widget=AdminSnippetChooser(
                Question, linked_fields={"course": "#id_bank_course"}
            ),
        )
    ]


class QuizCompetency(CompetencyLink):
    quiz = ParentalKey(
        QuizPage, on_delete=models.CASCADE, related_name="competency_links"
    )


class AttemptStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    PENDING = "pending", _("Waiting for marking")
    GRADED = "graded", _("Graded")


class Attempt(models.Model):
    """One sitting of a quiz (django-quiz-app's "sitting").

    Everything is frozen when it starts: ``plan`` holds the chosen questions
    and each one's option order (what the take page shows), ``answer_key`` a
    snapshot of what grading needs (type, points, correct options, accepted
    answers), so a trainer editing the bank later changes neither what the
    learner sees nor how the attempt is graded. ``answer_key`` is server-side
    only: no template or view renders it. ``draft`` holds answers autosaved
    while the attempt is open; they count if the learner never submits in
    time. Addressed by ``public_id`` (a random UUID) in URLs.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey(
        QuizPage, on_delete=models.CASCADE, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    plan = models.JSONField(_("questions and option order"), default=list)
    answer_key = models.JSONField(_("answer key (frozen at start)"), default=dict)
    draft = models.JSONField(_("answers saved so far"), default=dict, blank=True)
    draft_saved_at = models.DateTimeField(
        _("answers last saved at"), null=True, blank=True
    )
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    late = models.BooleanField(_("submitted after the time limit"), default=False)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=AttemptStatus.choices,
        default=AttemptStatus.IN_PROGRESS,
    )
    score = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    passed = models.BooleanField(_("passed"), null=True, blank=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "quiz", "number"], name="quiz_attempt_unique_number"
            )
        ]
        indexes = [
            models.Index(fields=["quiz", "status"], name="quiz_attempt_quiz_status")
        ]

    def __str__(self):
        return f"{self.quiz_id} #{self.number} ({self.user_id})"

    @property
    def is_open(self) -> bool:
        return self.status == AttemptStatus.IN_PROGRESS


class Answer(models.Model):
    """A learner's answer to one question of an attempt, with its grade."""

    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers"
    )
    selected = models.JSONField(_("selected options"), default=list, blank=True)
    text = models.TextField(_("answer"), blank=True, default="")
    credit = models.FloatField(_("credit (0–1)"), null=True, blank=True)
    needs_marking = models.BooleanField(
        _("waiting for marking"), default=False, db_index=True
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    marked_at = models.DateTimeField(_("marked at"), null=True, blank=True)
    marker_comment = models.TextField(_("marker's comment"), blank=True, default="")

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question"], name="quiz_answer_unique_question"
            )
        ]

    @property
    def mark(self) -> float | None:
        """The credit as the mark a trainer types (0–100)."""
        return None if self.credit is None else round(self.credit * 100, 2)
