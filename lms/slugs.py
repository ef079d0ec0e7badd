"""Slugs that keep every Thai character.

Thai vowels above and below the line and the tone marks (ั ิ ี ึ ื ุ ู ฺ ็ ่ ้ ๊ ๋ ์ ํ ๎)
are combining marks (Unicode category Mn), which neither Python's ``\\w``
nor Wagtail's ``\\p{L}\\p{N}`` counts as word characters. Django's
``slugify`` and Wagtail's slug field therefore turned "การขายสินค้าออนไลน์"
into "การขายสนคาออนไลน", a URL that reads as other words. Here:

- ``slugify`` keeps the marks (same rules as Django's otherwise);
- ``install`` (called once from ``HomeConfig.ready``) makes Django's unicode
  slug validator accept them and Wagtail's automatic slugs use ``slugify``;
- ``lms.urls`` serves (and reverses) page URLs with them;
- ``static/js/admin-thai-slug.js`` does the same for the admin's live slug field;
- ``ThaiSlugPageForm`` keeps a never-published page from failing on a slug an
  abandoned draft (Wagtail 8 autosaves a page as soon as a title is typed)
  already holds: it takes the next free one instead. It also makes the slug
  from the title when the form arrives without one: Wagtail's live slug field
  follows the title on key-up, change and blur only, so a title pasted, typed
  through an input method, or still being typed when the autosave fires was
  sent with an empty slug, which Wagtail requires even for a draft (the
  trainer met "This field is required" on the Promote tab and the draft was
  not saved).
"""

import re
import unicodedata

from django.core import validators
from django.utils.text import slugify as django_slugify
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import pages as wagtail_pages

# The Thai combining marks: MAI HAN-AKAT, SARA I … PHINTHU, MAITAIKHU … YAMAKKAN.
THAI_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
SLUG_RE = re.compile(rf"^[-\w{THAI_MARKS}]+\Z")
_STRIP_RE = re.compile(rf"[^\w\s{THAI_MARKS}-]")
# Wagtail's page URL pattern (wagtail.urls, WAGTAIL_APPEND_SLASH) with the marks.
SERVE_PATTERN = rf"^((?:[\w{THAI_MARKS}\-]+/)*)$"


def slugify(value, allow_unicode: bool = True) -> str:
    """Django's ``slugify`` that keeps Thai vowels and tone marks."""
    if not allow_unicode:
        return django_slugify(value)
    value = unicodedata.normalize("NFKC", str(value))
    value = _STRIP_RE.sub("", value.lower())
    return re.sub(r"[-\s]+", "-", value).strip("-_")


def lossy_slugify(value) -> str:
    """The slug Django and Wagtail made from ``value`` before (marks dropped)."""
    return django_slugify(value, allow_unicode=True)


def install() -> None:
    """Make every unicode slug check and Wagtail's automatic slug keep Thai marks."""
    # One shared validator object serves models.SlugField and forms.SlugField.
    validators.validate_unicode_slug.regex = SLUG_RE
    wagtail_pages.slugify = slugify


def next_free_slug(slug: str, *, parent, instance) -> str:
    """``slug``, or ``slug-2``, ``slug-3``… whichever no other child of ``parent`` has."""
    taken = set(
        parent.get_children()
        .exclude(pk=instance.pk)
        .filter(slug__startswith=slug)
        .values_list("slug", flat=True)
    )
    if slug not in taken:
        return slug
    n = 2
    while f"{slug}-{n}" in taken:
        n += 1
    return f"{slug}-{n}"


class ThaiSlugPageForm(WagtailAdminPageForm):
    """The page form of our pages.

    A page that was never published has no shared link yet, so when its slug
    is already used by a sibling (most often an abandoned autosaved draft of
    the same title) it takes the next free slug instead of failing with
    "slug already in use"; the new slug is sent back to the open editor
    after an autosave. A published page keeps the error: its URL is public.
    """

    @property
    def never_published(self) -> bool:
        # A new instance says live=True (the model's default) until saved.
        instance = self.instance
        return not instance.first_published_at and not (instance.pk and instance.live)

    def full_clean(self):
        # Before the fields are validated: a never-published page that comes
        # without a slug gets one made from its title (Wagtail requires it).
        self._slug_posted = None
        if self.is_bound and "slug" in self.fields and self.never_published:
            key = self.add_prefix("slug")
            self._slug_posted = (self.data.get(key) or "").strip()
            made = slugify(self.data.get(self.add_prefix("title")) or "")
            if not self._slug_posted and made:
                self.data = self.data.copy()
                self.data[key] = made
        super().full_clean()

    def clean(self):
        slug = self.cleaned_data.get("slug")
        if slug and self.never_published and self.parent_page is not None:
            self.cleaned_data["slug"] = next_free_slug(
                slug, parent=self.parent_page, instance=self.instance
            )
        return super().clean()

    def get_field_updates_for_resave(self):
        """After an autosave, send the slug back to the open editor when it is
        not the one the editor sent (made from the title, or the next free one)."""
        updates = list(super().get_field_updates_for_resave())
        slug = self.cleaned_data.get("slug")
        posted = getattr(self, "_slug_posted", None)
        if slug and posted is not None and slug != posted:
            updates.append(("slug", slug))
        return updates
