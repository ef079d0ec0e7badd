"""Writes that concern every page of the site."""

import re
from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Page, Revision

from lms.slugs import lossy_slugify, next_free_slug, slugify


@dataclass(frozen=True)
class Reslug:
    page_id: int
    old: str
    new: str


@transaction.atomic
def pages_reslug_thai(*, dry_run: bool = False) -> list[Reslug]:
    """Give pages whose slug was made from a Thai title without its vowels and
    tone marks the full slug, keeping the old URLs working.

    Only slugs that are exactly what the old slugify made of the title (with
    an optional ``-2``… suffix) change; a slug someone chose by hand stays.
    Saving the page updates its descendants' URL paths and sends Wagtail's
    ``page_slug_changed``, on which ``wagtail.contrib.redirects`` creates a
    permanent redirect from every old URL (the page's and its descendants',
    in each language) once the transaction commits. Stored revisions get the
    new slug too, so publishing an older draft does not bring the old one back.
    Safe to run again: a second run changes nothing.
    """
    done = []
    # Deepest first: each page's redirect is made from the URL it had, and
    # an ancestor's re-slug then adds redirects for the descendants' URLs.
    for page in Page.objects.order_by("-depth", "path").specific().iterator():
        lossy = lossy_slugify(page.title)
        wanted = slugify(page.title)
        if not lossy or wanted == lossy:
            continue
        match = re.fullmatch(re.escape(lossy) + r"(-\d+)?", page.slug)
        if not match:
            continue
        parent = page.get_parent()
        new = next_free_slug(
            wanted + (match.group(1) or ""), parent=parent, instance=page
        )
        done.append(Reslug(page.pk, page.slug, new))
        if dry_run:
            continue
        old = page.slug
        page.slug = new
        page.save(clean=False, update_fields=["slug", "url_path"])
        for revision in Revision.objects.for_instance(page):
            if revision.content.get("slug") == old:
                revision.content["slug"] = new
                revision.save(update_fields=["content"])
    return done
