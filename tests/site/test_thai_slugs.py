"""Slugs made from Thai titles keep every Thai character; old URLs redirect."""

from urllib.parse import quote

import pytest
from django.core.exceptions import ValidationError
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from courses.models import CoursePage, LessonPage
from lms.home.services import pages_reslug_thai
from lms.slugs import ThaiSlugPageForm, lossy_slugify, slugify
from tests import factories

TITLE = "การขายสินค้าออนไลน์เบื้องต้น"
FULL = "การขายสินค้าออนไลน์เบื้องต้น"
LOSSY = "การขายสนคาออนไลนเบองตน"


class TestSlugify:
    def test_keeps_vowels_and_tone_marks(self):
        assert slugify(TITLE) == FULL
        assert lossy_slugify(TITLE) == LOSSY

    def test_spaces_punctuation_and_case_as_django(self):
        assert (
            slugify("  ขายของ ออนไลน์!  Part 2: ราคา  ") == "ขายของ-ออนไลน์-part-2-ราคา"
        )
        assert slugify("ไม้หันอากาศ ั ไม้ไต่คู้ ็ ทัณฑฆาต ์") == "ไม้หันอากาศ-ั-ไม้ไต่คู้-็-ทัณฑฆาต-์"

    def test_ascii_only_when_unicode_is_off(self):
        assert slugify("Digital ดิจิทัล", allow_unicode=False) == "digital"


@pytest.mark.django_db
class TestServer:
    def test_page_without_a_slug_gets_the_full_thai_one(self, catalogue):
        course = catalogue.add_child(
            instance=CoursePage(title=TITLE, topic="ecommerce", summary="ขาย")
        )
        assert course.slug == FULL

    def test_the_model_validator_accepts_thai_marks(self, catalogue):
        course = CoursePage(title=TITLE, slug=FULL, topic="ecommerce", summary="ขาย")
        catalogue.add_child(instance=course)
        course.full_clean()  # no error on the slug
        course.slug = "ขาย ของ"
        with pytest.raises(ValidationError) as err:
            course.full_clean()
        assert "slug" in err.value.message_dict

    def test_url_reads_as_the_title(self, client, catalogue):
        course = catalogue.add_child(
            instance=CoursePage(title=TITLE, topic="ecommerce", summary="ขาย")
        )
        course.save_revision().publish()
        course = CoursePage.objects.get(pk=course.pk)
        assert course.url.endswith(f"/{quote(FULL)}/")
        assert client.get(course.url).status_code == 200


@pytest.mark.django_db(transaction=True)
class TestReslugExistingPages:
    """The data migration's service: lossy slugs are replaced, old URLs redirect."""

    def _course_with_a_lossy_slug(self):
        home = factories.ensure_site()
        catalogue = factories.make_catalogue(home)
        course = factories.make_course(catalogue, title=TITLE, slug=LOSSY)
        lesson = LessonPage.objects.descendant_of(course).first()
        lesson.title = "บทเรียนที่หนึ่ง"
        lesson.slug = lossy_slugify(lesson.title)
        lesson.save_revision().publish()
        return catalogue, course, lesson

    def test_old_urls_redirect_to_the_new_ones(self, client):
        catalogue, course, lesson = self._course_with_a_lossy_slug()
        old_course_url = course.url
        old_lesson_url = LessonPage.objects.get(pk=lesson.pk).url

        changes = pages_reslug_thai()

        assert {(c.old, c.new) for c in changes} == {
            (LOSSY, FULL),
            ("บทเรยนทหนง", "บทเรียนที่หนึ่ง"),
        }
        course.refresh_from_db()
        assert course.slug == FULL
        new_lesson = LessonPage.objects.get(pk=lesson.pk)
        assert f"/{quote(FULL)}/" in new_lesson.url and new_lesson.slug == "บทเรียนที่หนึ่ง"
        assert client.get(new_lesson.url).status_code == 200
        for old, page in ((old_course_url, course), (old_lesson_url, new_lesson)):
            response = client.get(old)
            assert response.status_code == 301, old
            assert Redirect.objects.filter(redirect_page=page).exists()
        # A later publish of the stored revision keeps the new slug.
        course.get_latest_revision().publish()
        assert Page.objects.get(pk=course.pk).slug == FULL

    def test_hand_made_slugs_stay_and_a_second_run_changes_nothing(self):
        catalogue, course, lesson = self._course_with_a_lossy_slug()
        other = factories.make_course(catalogue, title=TITLE, slug="selling-online")
        pages_reslug_thai()
        assert pages_reslug_thai() == []
        other.refresh_from_db()
        assert other.slug == "selling-online"

    def test_dry_run_changes_nothing(self):
        _catalogue, course, _lesson = self._course_with_a_lossy_slug()
        assert pages_reslug_thai(dry_run=True)
        course.refresh_from_db()
        assert course.slug == LOSSY


@pytest.mark.django_db
class TestAbandonedDraft:
    """Autosave made a draft of this title: starting again takes the next slug."""

    def _form(self, catalogue, instance, slug, title=TITLE):
        form_class = CoursePage.get_edit_handler().get_form_class()
        data = {
            "title": title,
            "slug": slug,
            "topic": "ecommerce",
            "summary": "ขาย",
            "estimated_minutes": "60",
        }
        return form_class(
            data=data, instance=instance, parent_page=catalogue, for_user=None
        )

    def test_never_published_page_takes_the_next_free_slug(self, catalogue):
        catalogue.add_child(
            instance=CoursePage(
                title=TITLE, slug=FULL, topic="ecommerce", summary="ขาย"
            )
        )
        form = self._form(catalogue, CoursePage(), FULL)
        assert isinstance(form, ThaiSlugPageForm)
        form.is_valid()
        assert "slug" not in form.errors
        assert form.cleaned_data["slug"] == f"{FULL}-2"
        assert ("slug", f"{FULL}-2") in form.get_field_updates_for_resave()

    def test_published_page_still_refuses_a_taken_slug(self, catalogue):
        catalogue.add_child(
            instance=CoursePage(
                title=TITLE, slug=FULL, topic="ecommerce", summary="ขาย"
            )
        )
        live = factories.make_course(catalogue, title="อื่น", slug="other")
        form = self._form(catalogue, live, FULL)
        assert not form.is_valid()
        assert "slug" in form.errors

    def test_a_new_page_sent_without_a_slug_gets_one_from_its_title(self, catalogue):
        # The live slug field had not caught up with the title (pasted, typed
        # through an input method, saved at once): no "required" error.
        catalogue.add_child(
            instance=CoursePage(
                title=TITLE, slug=FULL, topic="ecommerce", summary="ขาย"
            )
        )
        form = self._form(catalogue, CoursePage(), "")
        form.defer_required_fields()  # as Wagtail does for "Save draft"
        form.is_valid()
        assert "slug" not in form.errors
        assert form.cleaned_data["slug"] == f"{FULL}-2"
        assert ("slug", f"{FULL}-2") in form.get_field_updates_for_resave()

    def test_a_published_page_without_a_slug_still_needs_one(self, catalogue):
        live = factories.make_course(catalogue, title="อื่น", slug="other")
        form = self._form(catalogue, live, "")
        assert not form.is_valid()
        assert "slug" in form.errors
