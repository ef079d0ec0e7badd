from django.db import models
from wagtail.models import Page


class FloorPage(Page):
    """Title and a plain text body (the padding to the measured page's bytes),
    rendered by a template of a few lines: what Wagtail itself costs."""

    body = models.TextField(blank=True, default="")

    parent_page_types = ["wagtailcore.Page", "home.HomePage", "floor.FloorPage"]
