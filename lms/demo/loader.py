"""Idempotent steps that load the demo curriculum.

``load_demo`` (which ``make run`` calls on every start) runs them in order:
``load_framework`` → ``load_site`` → ``load_courses`` → the quizzes and the
level ladder (owned by their apps) → ``load_users``. Each step creates what is
missing and leaves what exists alone, so a second run duplicates nothing and
keeps a trainer's edits. Pages are matched by slug under their parent, their
English copies by ``translation_key``, people by username.

Thai pages are created first; English pages are Wagtail translations of them
(``copy_for_translation``, same ``translation_key``), so learner records made
in either language count for the same course. The content itself lives in
``lms.demo.content``; this module only knows how to put it in the tree.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

from certificates.demo import load_demo_certificates
from certificates.models import (
    CertificateLogo,
    CertificateSignatory,
    CertificateTemplate,
    IssuedCertificate,
)
from competencies.demo import load_demo_ladder
from competencies.models import Competency, CompetencyFramework
from competencies.services import load_programme_framework
from courses.models import (
    CourseCompetency,
    CourseIndexPage,
    CoursePage,
    CoursePrerequisite,
    LessonPage,
    ModulePage,
)
from courses.progress_selectors import course_steps
from courses.quiz.demo import load_demo_quizzes
from courses.quiz.models import Question, QuizPage
from courses.quiz.services import attempt_start, attempt_submit
from courses.services import enrollment_create, step_complete
from lms.accounts.models import TrainerScope, VolunteerProfile
from lms.accounts.roles import sync_roles
from lms.dataprotection.models import NoticeAcceptance, PrivacyNotice
from lms.home.models import HomePage

from . import content, images
from .content import privacy as privacy_content


class DemoLogin(NamedTuple):
    """One demo account as the command prints it."""

    role: str
    username: str
    phone: str
    password: str


# --- Helpers ---------------------------------------------------------------------


def _locales() -> tuple[Locale, Locale]:
    th, _ = Locale.objects.get_or_create(language_code="th")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return th, en


def _publish(page: Page) -> Page:
    """Publish through a revision, as an editor would (bypasses moderation)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _child(parent: Page, model: type[Page], slug: str) -> Page | None:
    return model.objects.child_of(parent).filter(slug=slug).first()


def _translate(page: Page, locale: Locale, **fields) -> Page:
    """``page``'s translation in ``locale``, made, filled and published if missing.

    An existing translation is left as it is: an editor may have improved it.
    """
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    copy = page.copy_for_translation(locale, copy_parents=False, alias=False)
    for name, value in fields.items():
        setattr(copy, name, value)
    return _publish(copy)


def _body(blocks: list[tuple], language: str) -> list[tuple[str, object]]:
    """StreamField data in one language from the content's bilingual blocks."""
    column = 1 if language == "th" else 2
    return [(block[0], block[column]) for block in blocks]


@contextmanager
def _indexing_deferred() -> Iterator[None]:
    """Index each saved object once at the end instead of on every save.

    A page is saved three or four times while it is created, revised,
    published and translated; the search index (Thai word-cutting included)
    and Wagtail's reference index would otherwise be rebuilt each time. Only
    this process's handlers are touched, and they are restored on the way out.
    """
    searchable = [
        m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)
    ]
    saved: dict[tuple[str, str, str], type] = {}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[
                (sender._meta.app_label, sender._meta.model_name, str(instance.pk))
            ] = sender

    uid = "lms.demo.deferred-indexing"
    for model in searchable:
        post_save.disconnect(post_save_signal_handler, sender=model)
    post_save.connect(remember, weak=False, dispatch_uid=uid)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid=uid)
        for model in searchable:
            post_save.connect(post_save_signal_handler, sender=model)
    searchable_set = set(searchable)
    for (app_label, model_name, pk), model in saved.items():
        tracked = model in ReferenceIndex.tracked_models
        if not (model in searchable_set or tracked):
            continue
        if not model._default_manager.filter(pk=pk).exists():
            continue  # saved, then deleted within the same load
        if model in searchable_set:
            insert_or_update_object_task.call(app_label, model_name, pk)
        if tracked:
            update_reference_index_task.call(app_label, model_name, pk)


# --- Steps -----------------------------------------------------------------------


def load_framework() -> CompetencyFramework:
    """The programme's competency framework (B1–B3, D1–D3), from its JSON fixture."""
    return load_programme_framework()


def load_site() -> tuple[HomePage, CourseIndexPage]:
    """The Thai home page with its hero text, the catalogue, their English copies
    and the default Site pointing at the Thai home."""
    th, en = _locales()
    home = HomePage.objects.filter(locale=th, depth=2).first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(slug="home", locale=th, **content.HOME["th"])
        )
        home = _publish(home)
    elif home.latest_revision_id is None or not home.body:
        # The migration's page has no revision and no body yet: fill it once.
        for name, value in content.HOME["th"].items():
            setattr(home, name, value)
        home = _publish(home)

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=content.SITE_NAME,
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    _translate(home, en, **content.HOME["en"])

    catalogue = _child(home, CourseIndexPage, content.CATALOGUE["slug"])
    if catalogue is None:
        catalogue = CourseIndexPage.objects.child_of(home).first()
    if catalogue is None:
        catalogue = home.add_child(
            instance=CourseIndexPage(
                slug=content.CATALOGUE["slug"], **content.CATALOGUE["th"]
            )
        )
        catalogue = _publish(catalogue)
    _translate(catalogue, en, **content.CATALOGUE["en"])
    return home, catalogue


def _load_thai_course(catalogue: CourseIndexPage, data: dict) -> CoursePage:
    course = _child(catalogue, CoursePage, data["slug"])
    if course is None:
        course = catalogue.add_child(
            instance=CoursePage(
                slug=data["slug"],
                topic=data["topic"],
                estimated_minutes=data["minutes"],
                **data["th"],
            )
        )
        for order, (code, proficiency) in enumerate(data["competencies"]):
            CourseCompetency.objects.create(
                page=course,
                competency=Competency.objects.get(code=code),
                proficiency=proficiency,
                sort_order=order,
            )
        course = _publish(course)
    for module_data in data["modules"]:
        module = _child(course, ModulePage, module_data["slug"])
        if module is None:
            module = course.add_child(
                instance=ModulePage(slug=module_data["slug"], **module_data["th"])
            )
            module = _publish(module)
        for lesson_data in module_data["lessons"]:
            if _child(module, LessonPage, lesson_data["slug"]) is None:
                lesson = LessonPage(
                    slug=lesson_data["slug"],
                    title=lesson_data["th"],
                    estimated_minutes=lesson_data["minutes"],
                    body=_body(lesson_data["body"], "th"),
                )
                _publish(module.add_child(instance=lesson))
    return course


def _load_prerequisites(course: CoursePage, prerequisites: list[CoursePage]) -> None:
    for order, prerequisite in enumerate(prerequisites):
        CoursePrerequisite.objects.get_or_create(
            page=course, prerequisite=prerequisite, defaults={"sort_order": order}
        )


def _load_english_course(course: CoursePage, data: dict, locale: Locale) -> CoursePage:
    """English copies of the course, its modules and lessons, under one another.

    The copy keeps the Thai course's competency and prerequisite links: learner
    records live on the Thai pages and the site shows each prerequisite in the
    reader's language.
    """
    english = _translate(course, locale, **data["en"])
    for module_data in data["modules"]:
        module = ModulePage.objects.child_of(course).get(slug=module_data["slug"])
        _translate(module, locale, **module_data["en"])
        for lesson_data in module_data["lessons"]:
            lesson = LessonPage.objects.child_of(module).get(slug=lesson_data["slug"])
            _translate(
                lesson,
                locale,
                title=lesson_data["en"],
                body=_body(lesson_data["body"], "en"),
            )
    return english


def load_courses(catalogue: CourseIndexPage | None = None) -> list[CoursePage]:
    """The demo courses (Thai), their prerequisites, then their English copies."""
    if catalogue is None:
        _home, catalogue = load_site()
    _th, en = _locales()
    courses = {
        data["slug"]: _load_thai_course(catalogue, data) for data in content.COURSES
    }
    for data in content.COURSES:
        course = courses[data["slug"]]
        prerequisites = [courses[slug] for slug in data.get("prerequisites", [])]
        _load_prerequisites(course, prerequisites)
        english = _load_english_course(course, data, en)
        # A copy made before the prerequisites existed (an older demo) lacks them.
        _load_prerequisites(english, prerequisites)
    return list(courses.values())


def load_users(*, reset_passwords: bool = False) -> list[DemoLogin]:
    """One person per role plus a superuser.

    A person who already exists keeps their name, phone, profile and password
    (someone may have changed it in the admin); only their role group and, for
    ``admin``, the superuser flags are set again. ``reset_passwords`` puts the
    demo passwords back. Hashing is slow on purpose, so it is done only then.
    """
    sync_roles()
    User = get_user_model()
    logins = []
    for person in content.PEOPLE:
        user, created = User.objects.get_or_create(
            username=person["username"],
            defaults={
                "first_name": person["first_name"],
                "last_name": person["last_name"],
                "phone": person["phone"],
                "email": person["email"],
            },
        )
        if person["role"] == content.SUPERUSER:
            user.is_superuser = user.is_staff = True
        else:
            user.groups.add(Group.objects.get(name=person["role"]))
        if created or reset_passwords:
            user.set_password(person["password"])
        user.save()
        if person.get("region"):
            province, district, subdistrict = person["region"]
            VolunteerProfile.objects.get_or_create(
                user=user,
                defaults={
                    "province_code": province,
                    "district_code": district,
                    "subdistrict_code": subdistrict,
                    "village": person.get("village", ""),
                    "organisation": person.get("organisation", ""),
                },
            )
        for code in person.get("serves", ()):
            # Added, never replaced: an administrator may have given more.
            TrainerScope.objects.get_or_create(user=user, province_code=code)
        logins.append(
            DemoLogin(person["role"], user.username, user.phone, person["password"])
        )
    return logins


def load_privacy_notice(users=()) -> None:
    """The first privacy notice if there is none, accepted by the demo people."""
    notice = PrivacyNotice.objects.order_by("-version").first()
    if notice is None:
        notice = PrivacyNotice.objects.create(
            title_th=privacy_content.TITLE_TH,
            title_en=privacy_content.TITLE_EN,
            body_th=privacy_content.BODY_TH,
            body_en=privacy_content.BODY_EN,
            changes="",
            material=True,
        )
    for user in users:
        NoticeAcceptance.objects.get_or_create(user=user, notice=notice)


DEMO_COMPLETED_COURSE = "spotting-fake-news"


def _correct_responses(attempt) -> dict:
    """Full-credit responses for an attempt, read from its frozen answer key."""
    responses = {}
    for item in attempt.plan:
        question = Question.objects.prefetch_related("options").get(pk=item["question"])
        if question.kind == "short":
            responses[question.pk] = question.accepted_list()[0]
        elif question.kind == "free":
            responses[question.pk] = "ตรวจสอบแหล่งที่มาก่อนแชร์ทุกครั้ง"
        else:
            responses[question.pk] = [
                o.pk for o in question.options.all() if o.is_correct
            ]
    return responses


def load_demo_progress(user, *, slug: str = DEMO_COMPLETED_COURSE):
    """``user`` studies one course to the end, through the same services the
    site uses: every lesson read, every quiz passed. Completion then writes the
    evidence, recomputes the level and issues the course's certificate.
    Returns that certificate (None if the course has no award). Idempotent."""
    thai, _en = _locales()
    course = CoursePage.objects.live().filter(locale=thai, slug=slug).first()
    if course is None:
        return None
    enrollment = enrollment_create(user=user, course=course)
    if enrollment.completed_at is None:
        for step in course_steps(course=course):
            step = step.specific
            if isinstance(step, QuizPage):
                attempt = attempt_start(user=user, quiz=step)
                attempt_submit(
                    user=user,
                    public_id=attempt.public_id,
                    responses=_correct_responses(attempt),
                )
            step_complete(user=user, page=step)
    return (
        IssuedCertificate.objects.filter(user=user, revoked_at__isnull=True)
        .order_by("issued_at")
        .first()
    )


def load_demo_images() -> None:
    """Covers on the courses, an illustration at the top of each course's
    first lesson, an emblem and signatures on the certificate templates.

    Only what has none gets one: a picture a trainer chose stays.
    """
    thai, _en = _locales()
    for course in CoursePage.objects.filter(locale=thai):
        cover = images.stored_image(
            images.COVER_TITLES.get(course.topic, course.title),
            images.cover_picture(course.topic),
            f"demo-cover-{course.topic}.jpg",
        )
        caption_th, caption_en = images.LESSON_CAPTIONS.get(
            course.topic, images.LESSON_CAPTIONS["mooc"]
        )
        picture = images.stored_image(
            caption_th,
            images.lesson_picture(course.topic),
            f"demo-lesson-{course.topic}.jpg",
        )
        first = LessonPage.objects.descendant_of(course).order_by("path").first()
        for page in [course, *course.get_translations()]:
            page = page.specific
            if page.cover_image_id is None:
                page.cover_image = cover
                _publish(page)
        if first is None:
            continue
        for lesson in [first, *first.get_translations()]:
            lesson = lesson.specific
            raw = list(lesson.body.raw_data)
            if any(block.get("type") == "image_block" for block in raw):
                continue
            english = lesson.locale_id != thai.pk
            raw.insert(
                0,
                {
                    "type": "image_block",
                    "value": {
                        "image": picture.pk,
                        "caption": caption_en if english else caption_th,
                        "attribution": images.ATTRIBUTION[1 if english else 0],
                    },
                },
            )
            lesson.body = raw
            _publish(lesson)
    emblem = images.stored_image(
        "ตราโครงการอาสาสมัครดิจิทัล (สาธิต)", images.emblem_picture(), "demo-emblem.png"
    )
    for template in CertificateTemplate.objects.filter(
        slug__in=["course-th", "course-en"]
    ):
        if not template.logos.exists():
            CertificateLogo.objects.create(
                template=template, image=emblem, sort_order=0
            )
    for seed, signatory in enumerate(
        CertificateSignatory.objects.filter(
            template__slug__in=["course-th", "course-en"], signature__isnull=True
        ).order_by("sort_order", "pk")
    ):
        signatory.signature = images.stored_image(
            f"ลายมือชื่อ {signatory.name} (สาธิต)",
            images.signature_picture(len(signatory.name)),
            f"demo-signature-{seed % 2}.png",
        )
        signatory.save(update_fields=["signature"])


@transaction.atomic
def load_all(*, reset_passwords: bool = False) -> tuple[list[DemoLogin], object]:
    """Everything ``load_demo`` loads, in order, in one transaction.

    Returns the logins and the demo volunteer's certificate."""
    with _indexing_deferred():
        load_framework()
        _home, catalogue = load_site()
        load_courses(catalogue)
        load_demo_quizzes()
        load_demo_ladder()
        load_demo_certificates()
        load_demo_images()
    logins = load_users(reset_passwords=reset_passwords)
    User = get_user_model()
    load_privacy_notice(
        User.objects.filter(username__in=[p["username"] for p in content.PEOPLE])
    )
    volunteer = User.objects.get(username="volunteer")
    return logins, load_demo_progress(volunteer)
