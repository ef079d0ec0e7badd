"""The demo looks real: course covers, a picture in each course's first
lesson, an emblem and signatures on the certificate template."""

from PIL import Image as Pil
from wagtail.images.models import Image

from certificates.models import CertificateSignatory, CertificateTemplate
from courses.models import CoursePage, LessonPage

from .test_load_demo import DemoTestCase, load_demo


class TestDemoImages(DemoTestCase):
    def test_every_course_has_a_cover_in_both_languages(self):
        courses = CoursePage.objects.all()
        assert courses.count() == 10
        assert not courses.filter(cover_image__isnull=True).exists()
        for course in courses.filter(locale=self.th):
            with course.cover_image.file.open() as f:
                assert Pil.open(f).size == (1200, 675)
            # Alt text (the image's title) says what it shows, in Thai.
            assert course.cover_image.title.startswith("ภาพปก:")

    def test_each_first_lesson_opens_with_a_captioned_picture(self):
        for course in CoursePage.objects.all():
            first = LessonPage.objects.descendant_of(course).order_by("path").first()
            block = first.body[0]
            assert block.block_type == "image_block"
            assert block.value["caption"]
            assert block.value["attribution"]
            html = self.client.get(first.url).content.decode()
            assert "<figure" in html and block.value["caption"] in html

    def test_certificate_templates_have_an_emblem_and_signatures(self):
        for template in CertificateTemplate.objects.filter(
            slug__in=["course-th", "course-en"]
        ):
            assert template.logos.filter(image__isnull=False).count() == 1
        assert not CertificateSignatory.objects.filter(
            template__slug="course-th", signature__isnull=True
        ).exists()

    def test_running_again_draws_nothing_new_and_keeps_a_chosen_cover(self):
        course = CoursePage.objects.filter(locale=self.th).first()
        chosen = Image.objects.exclude(pk=course.cover_image_id).first()
        course.cover_image = chosen
        course.save_revision().publish()
        before = Image.objects.count()
        load_demo()
        assert Image.objects.count() == before
        course.refresh_from_db()
        assert course.cover_image_id == chosen.pk
