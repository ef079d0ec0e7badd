"""Each public page renders its content: home, catalogue, course, module, lesson."""

import re

import pytest
from wagtail.models import Page

from courses.models import CoursePrerequisite, ModulePage
from tests import factories

from .conftest import lesson, translate

pytestmark = pytest.mark.django_db


def html_of(client, url, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


class TestBase:
    def test_html_lang_follows_the_language(self, client, course):
        assert '<html lang="th">' in html_of(client, "/th/")
        translate(course, "Spotting fake news")
        assert '<html lang="en">' in html_of(client, "/en/")

    def test_nav_links_catalogue_search_and_sign_in(self, client, course):
        html = html_of(client, "/th/")
        assert 'href="/th/courses/"' in html
        assert 'href="/th/search/"' in html
        assert 'href="/th/accounts/login/"' in html

    def test_signed_in_nav_has_sign_out_form(self, client, course):
        client.force_login(factories.make_user())
        html = html_of(client, "/th/")
        assert re.search(r'<form method="post" action="/th/accounts/logout/"', html)
        assert "/th/accounts/login/" not in html

    def test_switcher_links_to_the_translation_of_the_page(self, client, course):
        english = translate(course, "Spotting fake news")
        html = html_of(client, course.url)
        assert f'href="{english.url}" hreflang="en"' in html
        html = html_of(client, english.url)
        assert f'href="{course.url}" hreflang="th"' in html

    def test_switcher_falls_back_to_home_without_translation(self, client, course):
        html = html_of(client, course.url)
        assert 'href="/en/" hreflang="en"' in html

    def test_switcher_translates_urls_of_plain_views(self, client, course):
        html = html_of(client, "/th/search/", q="ข่าว")
        assert 'href="/en/search/?q=' in html

    def test_breadcrumbs_follow_the_ancestors(self, client, course):
        html = html_of(client, lesson("lesson-2-1").url)
        crumbs = re.search(r'<nav class="crumbs".*?</nav>', html, re.S).group(0)
        hrefs = re.findall(r'href="([^"]+)"', crumbs)
        assert hrefs == [
            "/th/",
            "/th/courses/",
            "/th/courses/fake-news/",
            "/th/courses/fake-news/module-2/",
        ]
        assert 'aria-current="page">บทเรียน 2.1<' in crumbs


class TestHome:
    def test_hero_topics_and_latest_courses(self, client, catalogue, course):
        html = html_of(client, "/th/")
        assert "เรียนรู้ดิจิทัล" in html  # hero title
        for topic in (
            "ecommerce",
            "eagriculture",
            "coding",
            "mooc",
            "digital_literacy",
        ):
            assert f'href="/th/courses/?topic={topic}"' in html
        assert "รู้ทันข่าวปลอม" in html

    def test_shows_six_latest_courses_of_the_language(self, client, catalogue, course):
        translate(course, "Spotting fake news")
        made = [
            factories.make_course(catalogue, title=f"หลักสูตรใหม่ {i}", modules=0)
            for i in range(7)
        ]
        html = html_of(client, "/th/")
        shown = re.findall(r'class="card-title">([^<]+)<', html)
        assert shown == [c.title for c in reversed(made)][:6]
        assert "Spotting fake news" not in html


class TestCatalogue:
    def test_filters_by_topic_competency_and_both(self, client, catalogue, course, d1):
        shop = factories.make_course(catalogue, title="ขายของออนไลน์", topic="ecommerce")
        shop_d1 = factories.make_course(
            catalogue, title="ร้านค้าปลอดภัย", topic="ecommerce", competencies=[(d1, 1)]
        )
        cases = {
            "": {course, shop, shop_d1},
            "?topic=ecommerce": {shop, shop_d1},
            "?competency=D1": {course, shop_d1},
            "?topic=ecommerce&competency=D1": {shop_d1},
            "?topic=coding": set(),
            "?topic=nonsense": {course, shop, shop_d1},
        }
        for query, expected in cases.items():
            html = html_of(client, "/th/courses/" + query)
            shown = set(re.findall(r'class="card-title">([^<]+)<', html))
            assert shown == {c.title for c in expected}, query

    def test_cards_show_cover_topic_time_and_codes(self, client, catalogue, course):
        html = html_of(client, "/th/courses/")
        card = re.search(r'<article class="card">.*?</article>', html, re.S).group(0)
        assert "การตรวจสอบข่าวปลอมบนสื่อสังคมออนไลน์" in card
        assert "95" in card and '<span class="chip"' in card and "D1" in card
        assert "card-img--digital_literacy" in card  # placeholder until a cover is set

    def test_filter_form_works_without_javascript(self, client, catalogue, course):
        html = html_of(
            client, "/th/courses/", topic="digital_literacy", competency="D1"
        )
        form = re.search(
            r'<form class="filters" method="get".*?</form>', html, re.S
        ).group(0)
        assert '<option value="digital_literacy" selected>' in form
        assert '<option value="D1" selected>' in form
        assert 'type="submit"' in form

    def test_drafts_and_other_languages_are_hidden(self, client, catalogue, course):
        draft = factories.make_course(catalogue, title="ร่างหลักสูตร")
        draft.unpublish()
        english = translate(course, "Spotting fake news")
        th = html_of(client, "/th/courses/")
        assert "ร่างหลักสูตร" not in th and "Spotting fake news" not in th
        en = html_of(client, english.get_parent().url)
        assert "Spotting fake news" in en and "รู้ทันข่าวปลอม" not in en


class TestCoursePage:
    def test_shows_summary_description_time_and_competency_level_names(
        self, client, course
    ):
        html = html_of(client, course.url)
        assert "การตรวจสอบข่าวปลอมบนสื่อสังคมออนไลน์" in html
        assert "เรียนวิธีตรวจสอบแหล่งที่มา" in html
        assert "95" in html
        assert "D1" in html and "การรู้เท่าทันสื่อ" in html and "ใช้งานได้" in html

    def test_english_page_names_competencies_in_english(self, client, course):
        english = translate(course, "Spotting fake news")
        html = html_of(client, english.url)
        assert "Media literacy" in html and "Practitioner" in html

    def test_outline_lists_modules_and_lessons_in_tree_order(self, client, course):
        # A lesson whose title sorts first is added last: tree order wins.
        module = ModulePage.objects.child_of(course).get(slug="module-1")
        module.add_child(
            instance=factories.LessonPage(title="ก บทเสริม", slug="extra")
        ).save_revision().publish()
        html = html_of(client, course.url)
        outline = re.search(r'<ol class="outline">.*?</section>', html, re.S).group(0)
        titles = re.findall(r"<a[^>]*>([^<]+)</a>", outline)
        assert titles == [
            "บทที่ 1",
            "บทเรียน 1.1",
            "บทเรียน 1.2",
            "ก บทเสริม",
            "บทที่ 2",
            "บทเรียน 2.1",
            "บทเรียน 2.2",
        ]

    def test_outline_leaves_out_draft_lessons(self, client, course):
        lesson("lesson-1-2").unpublish()
        assert "บทเรียน 1.2" not in html_of(client, course.url)

    def test_start_link_opens_the_first_lesson(self, client, course):
        html = html_of(client, course.url)
        actions = re.search(r'class="panel course-actions".*?</div>', html, re.S).group(
            0
        )
        assert lesson("lesson-1-1").url in actions

    def test_prerequisites_link_to_their_translation(self, client, catalogue, course):
        basics = factories.make_course(
            catalogue, title="พื้นฐานดิจิทัล", slug="basics", modules=0
        )
        CoursePrerequisite.objects.create(page=course, prerequisite=basics)
        course.save_revision().publish()
        html = html_of(client, course.url)
        assert f'<a href="{basics.url}">พื้นฐานดิจิทัล</a>' in html
        basics_en = translate(basics, "Digital basics")
        english = translate(course, "Spotting fake news")
        html = html_of(client, english.url)
        assert f'<a href="{basics_en.url}">Digital basics</a>' in html


class TestModuleAndLesson:
    def test_module_shows_intro_and_its_lessons(self, client, course):
        module = ModulePage.objects.child_of(course).get(slug="module-2")
        module.intro = "แนะนำบทที่สอง"
        module.save_revision().publish()
        html = html_of(client, module.url)
        assert "แนะนำบทที่สอง" in html
        assert (
            "บทเรียน 2.1" in html and "บทเรียน 2.2" in html and "บทเรียน 1.1" not in html
        )

    def test_lesson_shows_body_and_step_position(self, client, course):
        html = html_of(client, lesson("lesson-1-2").url)
        assert "<h1>บทเรียน 1.2</h1>" in html
        assert "เนื้อหาบทเรียน 1.2" in html
        assert re.search(r'<p class="eyebrow">[^<\d]*2[^<\d]+4[^<\d]*</p>', html)

    def test_previous_and_next_cross_module_boundaries(self, client, course):
        html = html_of(client, lesson("lesson-1-2").url)
        assert f'rel="prev" href="{lesson("lesson-1-1").url}"' in html
        assert f'rel="next" href="{lesson("lesson-2-1").url}"' in html

    def test_first_has_no_previous_and_last_leads_back_to_course(self, client, course):
        first = html_of(client, lesson("lesson-1-1").url)
        assert (
            'rel="prev"' not in first
            and f'rel="next" href="{lesson("lesson-1-2").url}"' in first
        )
        last = html_of(client, lesson("lesson-2-2").url)
        assert 'rel="next"' not in last and f'href="{course.url}"' in last

    def test_draft_lessons_are_skipped_by_previous_and_next(self, client, course):
        lesson("lesson-2-1").unpublish()
        html = html_of(client, lesson("lesson-1-2").url)
        assert f'rel="next" href="{lesson("lesson-2-2").url}"' in html

    def test_unpublished_lesson_is_not_found(self, client, course):
        page = lesson("lesson-1-1")
        url = page.url
        page.unpublish()
        assert client.get(url).status_code == 404

    def test_every_page_type_in_the_tree_renders(self, client, course):
        for page in Page.objects.descendant_of(
            course.get_parent(), inclusive=True
        ).live():
            html_of(client, page.url)
