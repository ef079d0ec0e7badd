"""Keyword-defaulting builders for tests: ``make_<thing>(**kwargs)``.

Each returns a saved object and accepts overrides for any field. Pages are
published, so they are live unless a test says otherwise.
"""

import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from competencies.models import (
    Competency,
    CompetencyArea,
    CompetencyFramework,
    ProficiencyLevel,
)
from courses.models import (
    CourseCompetency,
    CourseIndexPage,
    CoursePage,
    LessonPage,
    ModulePage,
)
from lms.accounts.models import VolunteerProfile
from lms.home.models import HomePage

_seq = itertools.count(1)


def ensure_moderation_workflow() -> Workflow:
    """The migrations' moderation workflow (one task for the Administrator
    group, on the whole tree), put back if it is gone.

    pytest-django runs transactional tests last, and each one flushes the
    database when it ends: the workflow the migrations made is gone for every
    transactional test after the first, and a page or course submitted then
    finds no workflow ("No moderation workflow applies to ...")."""
    workflow = Workflow.objects.filter(active=True).first()
    if workflow is not None:
        return workflow
    workflow = Workflow.objects.create(name="Moderators approval")
    task = GroupApprovalTask.objects.create(name="Moderators approval")
    task.groups.set([Group.objects.get(name="Administrator")])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=Page.get_first_root_node())
    return workflow


def ensure_site() -> HomePage:
    """The Thai home page and default Site, recreated if a flush removed them."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    th, _ = Locale.objects.get_or_create(language_code="th")
    Locale.objects.get_or_create(language_code="en")
    home = HomePage.objects.filter(locale=th).first()
    if home is None:
        root = Page.get_first_root_node()
        if root is None:
            root = Page.add_root(instance=Page(title="Root", locale=th))
        home = root.add_child(
            instance=HomePage(
                title="อาสาสมัครดิจิทัล", slug="home", locale=th, hero_title="เรียนรู้ดิจิทัล"
            )
        )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "LMS",
        },
    )
    return home


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_catalogue(home=None, **kwargs) -> CourseIndexPage:
    home = home or ensure_site()
    existing = CourseIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    kwargs.setdefault("title", "หลักสูตร")
    kwargs.setdefault("slug", "courses")
    return _publish(home.add_child(instance=CourseIndexPage(**kwargs)))


def make_framework(**kwargs) -> CompetencyFramework:
    kwargs.setdefault("code", f"framework-{next(_seq)}")
    kwargs.setdefault("name_th", "กรอบสมรรถนะอาสาสมัครดิจิทัล")
    kwargs.setdefault("name_en", "Digital volunteer competency framework")
    return CompetencyFramework.objects.create(**kwargs)


def make_area(framework=None, **kwargs) -> CompetencyArea:
    kwargs.setdefault("code", f"area-{next(_seq)}")
    kwargs.setdefault("name_th", "สมรรถนะดิจิทัล")
    kwargs.setdefault("name_en", "Digital competencies")
    return CompetencyArea.objects.create(
        framework=framework or make_framework(), **kwargs
    )


def make_competency(area=None, levels=3, **kwargs) -> Competency:
    n = next(_seq)
    kwargs.setdefault("code", f"C{n}")
    kwargs.setdefault("name_th", f"การรู้ดิจิทัล {n}")
    kwargs.setdefault("name_en", f"Digital literacy {n}")
    competency = Competency.objects.create(area=area or make_area(), **kwargs)
    for level in range(1, levels + 1):
        ProficiencyLevel.objects.create(
            competency=competency,
            level=level,
            name_th=f"ระดับ {level}",
            name_en=f"Level {level}",
        )
    return competency


def make_course(
    catalogue=None, modules=1, lessons=2, competencies=(), **kwargs
) -> CoursePage:
    """A published course with ``modules`` modules of ``lessons`` lessons each."""
    catalogue = catalogue or make_catalogue()
    n = next(_seq)
    kwargs.setdefault("title", f"การค้าออนไลน์ {n}")
    kwargs.setdefault("slug", f"course-{n}")
    kwargs.setdefault("topic", "ecommerce")
    kwargs.setdefault("summary", "ขายของออนไลน์อย่างปลอดภัย")
    course = catalogue.add_child(instance=CoursePage(**kwargs))
    for competency, proficiency in competencies:
        CourseCompetency.objects.create(
            page=course, competency=competency, proficiency=proficiency
        )
    _publish(course)
    for m in range(1, modules + 1):
        module = _publish(
            course.add_child(instance=ModulePage(title=f"บทที่ {m}", slug=f"module-{m}"))
        )
        for i in range(1, lessons + 1):
            _publish(
                module.add_child(
                    instance=LessonPage(
                        title=f"บทเรียน {m}.{i}",
                        slug=f"lesson-{m}-{i}",
                        body=[("paragraph_block", f"<p>เนื้อหาบทเรียน {m}.{i}</p>")],
                    )
                )
            )
    return CoursePage.objects.get(pk=course.pk)


def make_user(role="Volunteer", password="pass-1234-word", profile=True, **kwargs):
    User = get_user_model()
    n = next(_seq)
    kwargs.setdefault("username", f"user{n}")
    kwargs.setdefault("first_name", "สมชาย")
    kwargs.setdefault("last_name", "ใจดี")
    kwargs.setdefault("email", f"user{n}@example.org")
    user = User.objects.create_user(password=password, **kwargs)
    if role:
        group, _ = Group.objects.get_or_create(name=role)
        user.groups.add(group)
    if profile:
        VolunteerProfile.objects.create(
            user=user,
            province_code="50",
            district_code="5001",
            subdistrict_code="500101",
        )
    return user
