"""The demo curriculum loader that `make run` calls on every start.

The command runs once per class (``setUpTestData``); each test then works
inside its own savepoint, so running it again or editing a page in one test
leaves the others untouched.
"""

import io
import re

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db.models import Count
from django.test import TestCase
from django.utils.html import strip_tags
from wagtail.models import Locale, Page, ReferenceIndex, Revision, Site

from competencies.models import Competency
from courses.choices import Topic
from courses.models import (
    CourseCompetency,
    CourseIndexPage,
    CoursePage,
    CoursePrerequisite,
    LessonPage,
    ModulePage,
)
from courses.selectors import course_search, lesson_search
from lms.accounts import regions
from lms.accounts.models import User, VolunteerProfile
from lms.accounts.selectors import scoped_provinces
from lms.demo import content
from lms.home.models import HomePage
from tests import factories

THAI = re.compile(r"[\u0e00-\u0e7f]")


def load_demo(*args) -> str:
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    """Everything the loader writes, counted."""
    pages = Page.objects.values_list(
        "content_type__model", "locale__language_code"
    ).annotate(n=Count("id"))
    return {
        "pages": sorted(pages),
        "revisions": Revision.objects.count(),
        "users": sorted(User.objects.values_list("username", flat=True)),
        "memberships": sorted(
            User.groups.through.objects.values_list("user__username", "group__name")
        ),
        "profiles": VolunteerProfile.objects.count(),
        "competencies": Competency.objects.count(),
        "course_competencies": CourseCompetency.objects.count(),
        "prerequisites": CoursePrerequisite.objects.count(),
        "sites": Site.objects.count(),
    }


def body_text(lesson: LessonPage) -> str:
    return strip_tags("".join(str(block.render()) for block in lesson.body))


class DemoTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.output = load_demo()
        cls.th = Locale.objects.get(language_code="th")
        cls.en = Locale.objects.get(language_code="en")

    def thai_courses(self):
        return CoursePage.objects.filter(locale=self.th).order_by("path")


class TestLoadingAgain(DemoTestCase):
    """`make run` calls the command on every start."""

    def test_running_again_changes_no_counts(self):
        before = snapshot()
        load_demo()
        assert snapshot() == before

    def test_a_changed_password_is_kept_until_reset(self):
        volunteer = User.objects.get(username="volunteer")
        volunteer.set_password("my-own-secret-42")
        volunteer.save()

        load_demo()
        assert self.client.login(username="volunteer", password="my-own-secret-42")
        assert not self.client.login(
            username="volunteer", password="demo-volunteer-2026"
        )

        load_demo("--reset-passwords")
        assert self.client.login(username="volunteer", password="demo-volunteer-2026")

    def test_running_again_keeps_an_editors_changes(self):
        lesson = LessonPage.objects.get(slug="pricing", locale=self.th)
        lesson.title = "ตั้งราคาขาย (แก้ไขโดยผู้สอน)"
        lesson.save_revision().publish()
        english = CoursePage.objects.get(slug="selling-online", locale=self.en)
        english.summary = "Edited by a trainer."
        english.save_revision().publish()

        load_demo()

        lesson.refresh_from_db()
        english.refresh_from_db()
        assert lesson.title == "ตั้งราคาขาย (แก้ไขโดยผู้สอน)"
        assert english.summary == "Edited by a trainer."

    def test_a_deleted_lesson_is_put_back_in_both_languages(self):
        lesson = LessonPage.objects.get(slug="shipping", locale=self.th)
        module = lesson.get_parent()
        lesson.get_translation(self.en).delete()
        lesson.delete()

        load_demo()

        restored = LessonPage.objects.child_of(module).get(slug="shipping")
        assert restored.live
        assert restored.get_translation(self.en).live


class TestDemoLoaded(DemoTestCase):
    """What one run of the command leaves behind."""

    def test_thai_home_has_hero_text_and_is_the_default_sites_root(self):
        home = HomePage.objects.get(locale=self.th)
        assert home.hero_title and home.hero_text and home.body
        assert home.live and home.latest_revision_id is not None
        site = Site.objects.get(is_default_site=True)
        assert (site.hostname, site.port, site.root_page_id) == (
            "localhost",
            80,
            home.pk,
        )

    def test_catalogue_and_home_have_english_translations(self):
        catalogue = CourseIndexPage.objects.get(locale=self.th)
        assert (catalogue.slug, catalogue.title) == ("courses", "หลักสูตร")
        english = catalogue.get_translation(self.en)
        assert english.live and english.title == "Courses"
        home_en = HomePage.objects.get(locale=self.en)
        assert home_en.live and home_en.hero_title == content.HOME["en"]["hero_title"]

    def test_pages_render_in_both_languages(self):
        lesson = LessonPage.objects.get(slug="call-centre-scams", locale=self.th)
        paths = ["/th/", "/en/", "/th/courses/", "/en/courses/"]
        paths += [lesson.url, lesson.get_translation(self.en).url]
        for course in CoursePage.objects.all():
            paths.append(course.url)
        for path in paths:
            response = self.client.get(path)
            assert response.status_code == 200, path
        assert "แก๊งคอลเซ็นเตอร์" in self.client.get(lesson.url).content.decode()

    def test_each_topic_has_a_course(self):
        topics = sorted(self.thai_courses().values_list("topic", flat=True))
        assert topics == sorted(Topic.values)

    def test_every_course_module_and_lesson_has_a_live_english_translation(self):
        thai = [
            *self.thai_courses(),
            *ModulePage.objects.filter(locale=self.th),
            *LessonPage.objects.filter(locale=self.th),
        ]
        assert len(thai) > 5 + 10 + 20
        for page in thai:
            english = page.get_translation_or_none(self.en)
            assert english is not None, page.url_path
            assert english.live and english.title != page.title, page.url_path
            assert not THAI.search(english.title), english.title

    def test_every_course_has_two_modules_of_two_or_more_lessons(self):
        for course in CoursePage.objects.all():
            modules = ModulePage.objects.child_of(course)
            assert modules.count() >= 2, course.title
            for module in modules:
                assert module.intro, module.title
                assert 2 <= LessonPage.objects.child_of(module).count() <= 3, (
                    module.title
                )

    def test_courses_carry_summary_description_and_time_in_both_languages(self):
        for course in CoursePage.objects.all():
            assert (
                len(course.summary) > 40 and len(strip_tags(course.description)) > 100
            )
            assert course.estimated_minutes >= 30
            thai = course.locale_id == self.th.pk
            assert bool(THAI.search(course.summary)) is thai, course.title

    def test_lessons_teach_in_thai_and_english(self):
        for lesson in LessonPage.objects.filter(locale=self.th):
            text = body_text(lesson)
            assert len(THAI.findall(text)) > 500, lesson.title
            english = body_text(lesson.get_translation(self.en).specific)
            assert len(english) > 500, lesson.title
            # English copies say it in English (a Thai abbreviation may be quoted).
            assert len(THAI.findall(english)) < len(english) / 50, lesson.title

    def test_lessons_use_headings_callouts_and_code_where_it_fits(self):
        kinds = {
            lesson.slug: {block.block_type for block in lesson.body}
            for lesson in LessonPage.objects.filter(locale=self.th)
        }
        for slug, used in kinds.items():
            assert "paragraph_block" in used and "callout_block" in used, slug
        coding = CoursePage.objects.get(topic=Topic.CODING, locale=self.th)
        coded = [
            lesson
            for lesson in LessonPage.objects.descendant_of(coding).filter(
                locale=self.th
            )
            if "code_block" in kinds[lesson.slug]
        ]
        assert len(coded) >= 2
        english = coded[0].get_translation(self.en).specific
        sample = next(
            b.value["code"] for b in english.body if b.block_type == "code_block"
        )
        assert not THAI.search(sample)

    def test_digital_literacy_covers_fake_news_scams_and_passwords(self):
        course = CoursePage.objects.get(topic=Topic.DIGITAL_LITERACY, locale=self.th)
        text = " ".join(
            body_text(lesson) for lesson in LessonPage.objects.descendant_of(course)
        )
        for topic in (
            "ข่าวปลอม",
            "ศูนย์ต่อต้านข่าวปลอม",
            "ค้นหาภาพย้อนกลับ",
            "แก๊งคอลเซ็นเตอร์",
            "OTP",
            "2FA",
        ):
            assert topic in text, topic

    def test_courses_target_one_to_three_competencies_at_a_defined_level(self):
        for course in CoursePage.objects.all():
            links = list(course.competency_links.select_related("competency"))
            assert 1 <= len(links) <= 3, course.title
            for link in links:
                levels = set(
                    link.competency.proficiency_levels.values_list("level", flat=True)
                )
                assert link.proficiency in levels, (course.title, link.competency.code)
        # Every competency of the framework is taught somewhere.
        taught = set(
            CourseCompetency.objects.values_list("competency__code", flat=True)
        )
        assert taught == {"B1", "B2", "B3", "D1", "D2", "D3"}

    def test_coding_requires_digital_literacy_in_both_languages(self):
        literacy = CoursePage.objects.get(topic=Topic.DIGITAL_LITERACY, locale=self.th)
        for course in CoursePage.objects.filter(topic=Topic.CODING):
            required = list(
                course.prerequisite_links.values_list("prerequisite", flat=True)
            )
            assert required == [literacy.pk], course.locale
        others = CoursePrerequisite.objects.exclude(page__topic=Topic.CODING)
        assert not others.exists()

    def test_pages_are_published_with_a_revision(self):
        for page in Page.objects.filter(depth__gte=3).specific():
            assert page.live and page.latest_revision_id is not None, page.url_path
            assert not page.has_unpublished_changes, page.url_path

    def test_courses_and_lessons_are_found_by_search(self):
        found = course_search(locale=self.th, query="แก๊งคอลเซ็นเตอร์").object_list
        assert [c.slug for c in found] == ["spotting-fake-news"]
        lessons = lesson_search(locale=self.en, query="PromptPay")
        assert "safe-payments" in [lesson.slug for lesson in lessons]

    def test_reference_index_knows_which_courses_use_a_competency(self):
        d1 = Competency.objects.get(code="D1")
        using = ReferenceIndex.get_references_to(d1).group_by_source_object()
        titles = {str(source) for source, _refs in using}
        assert "รู้ทันข่าวปลอมและภัยออนไลน์" in titles

    def test_pages_saved_after_loading_are_indexed_again(self):
        catalogue = CourseIndexPage.objects.get(locale=self.th)
        factories.make_course(catalogue, title="ภาษามือเบื้องต้น", slug="sign-language")
        found = course_search(locale=self.th, query="ภาษามือ").object_list
        assert [c.slug for c in found] == ["sign-language"]

    def test_each_demo_login_signs_in_with_its_role(self):
        for person in content.PEOPLE:
            assert self.client.login(
                username=person["username"], password=person["password"]
            )
            self.client.logout()
            user = User.objects.get(username=person["username"])
            if person["role"] == content.SUPERUSER:
                assert user.is_superuser and user.is_staff
            else:
                assert list(user.groups.values_list("name", flat=True)) == [
                    person["role"]
                ]

    def test_volunteer_signs_in_with_a_phone_number_and_lives_in_chiang_mai(self):
        assert self.client.login(username="0810000001", password="demo-volunteer-2026")
        volunteer = User.objects.get(username="volunteer")
        assert volunteer.get_full_name() == "สมศรี ใจงาม"
        profile = volunteer.profile
        assert profile.province_code == "50"
        assert regions.is_valid_region(
            profile.province_code, profile.district_code, profile.subdistrict_code
        )
        assert profile.district_name and profile.subdistrict_name

    def test_demo_trainer_serves_the_demo_volunteers_province(self):
        # Without it the marking queue and reports of the demo trainer are empty.
        trainer = User.objects.get(username="trainer")
        volunteer = User.objects.get(username="volunteer")
        assert volunteer.profile.province_code in scoped_provinces(trainer)
        load_demo()  # again: kept, not duplicated
        assert scoped_provinces(trainer) == {"50"}

    def test_roles_have_their_permissions(self):
        administrator = User.objects.get(username="administrator")
        trainer = User.objects.get(username="trainer")
        volunteer = User.objects.get(username="volunteer")
        assert administrator.has_perm("wagtailadmin.access_admin")
        assert trainer.has_perm("wagtailadmin.access_admin")
        assert not volunteer.has_perm("wagtailadmin.access_admin")
        assert (
            Group.objects.filter(
                name__in=["Volunteer", "Trainer", "Administrator"]
            ).count()
            == 3
        )

    def test_output_lists_urls_and_logins(self):
        assert "http://127.0.0.1:8000/th/" in self.output
        assert "http://127.0.0.1:8000/admin/" in self.output
        for person in content.PEOPLE:
            line = next(
                line
                for line in self.output.splitlines()
                if f" {person['username']} " in line
            )
            assert person["password"] in line
            assert person["phone"] in line


class TestDemoVolunteerProgress(DemoTestCase):
    """The demo volunteer has finished one course and holds its certificate."""

    def test_course_completed_through_the_services(self):
        from courses.models import Enrollment
        from courses.quiz.models import Attempt

        volunteer = User.objects.get(username="volunteer")
        enrollment = Enrollment.objects.get(user=volunteer)
        assert enrollment.completed_at is not None
        assert Attempt.objects.filter(user=volunteer, passed=True).exists()
        assert volunteer.evidence.exists()

    def test_certificate_issued_once_and_its_url_printed(self):
        from certificates.models import IssuedCertificate

        certificate = IssuedCertificate.objects.get(user__username="volunteer")
        assert certificate.is_valid
        assert f"/verify/{certificate.code}/" in self.output
        again = load_demo()
        assert IssuedCertificate.objects.filter(user__username="volunteer").count() == 1
        assert f"/verify/{certificate.code}/" in again
