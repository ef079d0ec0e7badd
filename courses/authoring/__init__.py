"""Authoring a course as one unit in the Wagtail admin.

``selectors``: the course outline (every module and step with its moderation
status) in a fixed number of queries. ``services``: submitting, approving and
rejecting a whole course through Wagtail's own workflow models, reordering and
renaming steps, and copying a course with its question bank.
"""
