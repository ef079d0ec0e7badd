"""StreamField blocks for lessons.

Every block has its own template under ``templates/blocks/`` and a preview
value so trainers see it in the block picker.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtailmedia.blocks import VideoChooserBlock

from .choices import CalloutKind


class HeadingBlock(blocks.StructBlock):
    """A section heading inside a lesson."""

    text = blocks.CharBlock(label=_("text"), max_length=200)
    size = blocks.ChoiceBlock(
        label=_("size"), choices=[("h2", "H2"), ("h3", "H3")], default="h2"
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading")
        preview_value = {"text": "การตรวจสอบข่าวปลอม", "size": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    """An image with an optional caption and attribution."""

    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False)
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")
        description = _("An image with a caption")
        preview_value = {"caption": "ภาพประกอบ"}


class LinkableEmbedBlock(EmbedBlock):
    """An embed whose URL is kept even when the oEmbed lookup fails.

    Wagtail's ``EmbedBlock`` refuses to save a URL it cannot embed at that
    moment (no network, an unknown host), so a trainer lost the whole block.
    The URL is still checked as a URL; the page shows a link where the
    player cannot be had (templates/blocks/embed_block.html).
    """

    def clean(self, value):
        return blocks.URLBlock.clean(self, value)


class VideoEmbedBlock(blocks.StructBlock):
    """A video (YouTube, Vimeo…) embedded from its URL, or linked to if it cannot be."""

    video = LinkableEmbedBlock(
        label=_("video URL"),
        max_width=800,
        help_text=_(
            "YouTube, Vimeo or another video site. If the video cannot be embedded "
            "(no network now, or a site that does not allow it), it is kept and "
            "shown to learners as a link."
        ),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "media"
        template = "blocks/embed_block.html"
        label = _("Video")
        description = _("A video embedded from its URL")
        preview_value = {"caption": "วิดีโอประกอบบทเรียน"}


class VideoFileBlock(blocks.StructBlock):
    """An uploaded video file (wagtailmedia), played from this site.

    Village connections often cannot stream YouTube; a small file served by
    the site plays, or downloads, where an embed does not.
    """

    video = VideoChooserBlock(label=_("video file"))
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "media"
        template = "blocks/video_file_block.html"
        label = _("Video file")
        description = _("A video file uploaded to this site")
        preview_value = {"caption": "วิดีโอประกอบบทเรียน"}


class DocumentBlock(blocks.StructBlock):
    """A downloadable document (worksheet, slides)."""

    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("title"), required=False)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"
        label = _("Document")
        description = _("A file to download")
        preview_value = {"title": "ใบงาน"}


class CalloutBlock(blocks.StructBlock):
    """A highlighted tip, note or warning."""

    kind = blocks.ChoiceBlock(
        label=_("kind"), choices=CalloutKind.choices, default="tip"
    )
    title = blocks.CharBlock(label=_("title"), required=False)
    text = blocks.RichTextBlock(
        label=_("text"), features=["bold", "italic", "link", "ul", "ol"]
    )

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"
        label = _("Callout")
        description = _("A highlighted tip, note or warning")
        preview_value = {
            "kind": "tip",
            "title": "เคล็ดลับ",
            "text": "<p>ตรวจสอบแหล่งที่มาก่อนแชร์ทุกครั้ง</p>",
        }


class CodeBlock(blocks.StructBlock):
    """A code sample shown in a monospaced box."""

    language = blocks.ChoiceBlock(
        label=_("language"),
        choices=[
            ("python", "Python"),
            ("html", "HTML"),
            ("css", "CSS"),
            ("javascript", "JavaScript"),
            ("text", _("Plain text")),
        ],
        default="python",
    )
    code = blocks.TextBlock(label=_("code"))

    class Meta:
        icon = "code"
        template = "blocks/code_block.html"
        label = _("Code sample")
        description = _("A code sample in a monospaced box")
        preview_value = {"language": "python", "code": 'print("สวัสดี")'}


class LessonStreamBlock(blocks.StreamBlock):
    """Everything a lesson can contain."""

    heading_block = HeadingBlock()
    paragraph_block = blocks.RichTextBlock(
        icon="pilcrow",
        label=_("Paragraph"),
        template="blocks/paragraph_block.html",
        features=[
            "h2",
            "h3",
            "bold",
            "italic",
            "link",
            "ol",
            "ul",
            "hr",
            "document-link",
        ],
        description=_("Rich text"),
        preview_value="<p>อาสาสมัครดิจิทัลช่วยให้ชุมชนใช้เทคโนโลยีได้อย่างปลอดภัย</p>",
    )
    image_block = CaptionedImageBlock()
    embed_block = VideoEmbedBlock()
    video_file_block = VideoFileBlock()
    document_block = DocumentBlock()
    callout_block = CalloutBlock()
    code_block = CodeBlock()
