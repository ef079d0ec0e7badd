"""Every lesson block renders through its own template."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from courses.blocks import LessonStreamBlock
from courses.models import LessonPage, ModulePage

pytestmark = pytest.mark.django_db

VIDEO = "https://www.youtube.com/watch?v=abc123"


@pytest.fixture
def rich_lesson(course):
    image = Image.objects.create(title="แผนภาพ", file=get_test_image_file())
    document = Document.objects.create(
        title="ใบงาน", file=ContentFile(b"%PDF-1.4 worksheet", name="worksheet.pdf")
    )
    # A cached embed, so rendering needs no network.
    Embed.objects.create(
        url=VIDEO,
        max_width=800,
        hash=get_embed_hash(VIDEO, 800, None),
        type="video",
        html='<iframe src="https://www.youtube.com/embed/abc123"></iframe>',
    )
    body = [
        ("heading_block", {"text": "ตรวจสอบแหล่งที่มา", "size": "h3"}),
        ("paragraph_block", "<p>อ่านให้ครบก่อนแชร์</p>"),
        (
            "image_block",
            {"image": image, "caption": "ภาพตัวอย่าง", "attribution": "สดช."},
        ),
        ("embed_block", {"video": VIDEO, "caption": "วิดีโอสาธิต"}),
        ("document_block", {"document": document, "title": ""}),
        ("callout_block", {"kind": "warning", "title": "ระวัง", "text": "<p>ลิงก์ย่อ</p>"}),
        ("code_block", {"language": "python", "code": 'print("<สวัสดี>")'}),
    ]
    module = ModulePage.objects.child_of(course).first()
    page = module.add_child(
        instance=LessonPage(title="บทเรียนครบทุกบล็อก", slug="all-blocks", body=body)
    )
    page.save_revision().publish()
    return page


def test_every_block_type_has_a_template():
    for name, block in LessonStreamBlock().child_blocks.items():
        assert block.meta.template == f"blocks/{name}.html", name


def test_lesson_renders_each_block(client, rich_lesson):
    html = client.get(rich_lesson.url).content.decode()
    assert "<h3>ตรวจสอบแหล่งที่มา</h3>" in html
    assert "<p>อ่านให้ครบก่อนแชร์</p>" in html
    assert '<figure class="figure">' in html and ".webp" in html and "ภาพตัวอย่าง" in html
    assert 'src="https://www.youtube.com/embed/abc123"' in html and "วิดีโอสาธิต" in html
    assert 'href="/documents/' in html and "ใบงาน" in html and "PDF" in html
    assert (
        'class="callout callout--warning"' in html
        and "ระวัง" in html
        and "ลิงก์ย่อ" in html
    )
    # Code is escaped, not interpreted.
    assert (
        'data-language="python"' in html and "print(&quot;&lt;สวัสดี&gt;&quot;)" in html
    )


class TestVideoWithoutEmbed:
    """A video URL the oEmbed lookup cannot resolve is kept and shown as a link."""

    UNKNOWN = "https://video.example.go.th/lesson-1.mp4"

    def test_the_block_saves_when_the_lookup_fails(self, monkeypatch):
        from wagtail.embeds import embeds
        from wagtail.embeds.exceptions import EmbedNotFoundException

        def offline(*args, **kwargs):
            raise EmbedNotFoundException

        monkeypatch.setattr(embeds, "get_embed", offline)
        block = LessonStreamBlock().child_blocks["embed_block"]
        value = block.to_python({"video": self.UNKNOWN, "caption": ""})
        cleaned = block.clean(value)  # no ValidationError
        assert cleaned["video"].url == self.UNKNOWN
        html = block.render(cleaned)
        assert f'href="{self.UNKNOWN}"' in html and "<iframe" not in html

    def test_not_a_url_is_still_refused(self):
        from django.core.exceptions import ValidationError

        block = LessonStreamBlock().child_blocks["embed_block"]
        with pytest.raises(ValidationError):
            block.clean(block.to_python({"video": "ไม่ใช่ลิงก์", "caption": ""}))

    def test_lesson_page_with_the_link_renders(self, client, course, monkeypatch):
        from wagtail.embeds import embeds
        from wagtail.embeds.exceptions import EmbedNotFoundException

        def offline(*args, **kwargs):
            raise EmbedNotFoundException

        monkeypatch.setattr(embeds, "get_embed", offline)
        module = ModulePage.objects.child_of(course).first()
        page = module.add_child(
            instance=LessonPage(
                title="วิดีโอลิงก์",
                slug="video-link",
                body=[("embed_block", {"video": self.UNKNOWN, "caption": "ดูก่อน"})],
            )
        )
        page.save_revision().publish()
        html = client.get(page.url).content.decode()
        assert f'href="{self.UNKNOWN}"' in html


def test_uploaded_video_file_plays_from_the_site(client, course):
    from wagtailmedia.models import get_media_model

    Media = get_media_model()
    video = Media.objects.create(
        title="สาธิตการถ่ายภาพสินค้า",
        type="video",
        file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="demo.mp4"),
        duration=12,
    )
    module = ModulePage.objects.child_of(course).first()
    page = module.add_child(
        instance=LessonPage(
            title="วิดีโอไฟล์",
            slug="video-file",
            body=[("video_file_block", {"video": video, "caption": "ไฟล์ในเว็บ"})],
        )
    )
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert f'<video controls preload="metadata" playsinline src="{video.url}"' in html
    assert "ไฟล์ในเว็บ" in html
