"""Charts drawn on the server as inline SVG: no JavaScript, no CDN.

Horizontal bars suit region names (Thai names are long); the trend is a
column per month. Every number is also printed next to its bar, and the
SVG carries a <title> and role="img", so it reads without colour or sight.
"""

from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join

BAR_COLOUR = "#0b5cad"
TREND_COLOUR = "#1a7f37"


def _fmt(value, percent: bool) -> str:
    if value is None:
        return "–"
    text = number_format(
        value, decimal_pos=1 if percent else None, use_l10n=True, force_grouping=True
    )
    return f"{text}%" if percent else text


def bar_chart(bars, *, title: str, percent: bool = False, width: int = 720) -> str:
    """One horizontal bar per (label, value), longest first scale-wise."""
    if not bars:
        return ""
    label_w, bar_h, gap, value_w = 200, 24, 8, 80
    plot_w = width - label_w - value_w
    top = max((v or 0) for _, v in bars) or 1
    if percent:
        top = 100
    height = len(bars) * (bar_h + gap) + gap
    rows = []
    for i, (label, value) in enumerate(bars):
        y = gap + i * (bar_h + gap)
        w = round(plot_w * (value or 0) / top, 1)
        rows.append(
            (
                label_w - 8,
                y + bar_h * 0.7,
                label[:28],
                label_w,
                y,
                w,
                bar_h,
                BAR_COLOUR,
                label_w + w + 6,
                y + bar_h * 0.7,
                _fmt(value, percent),
            )
        )
    body = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="end">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" rx="2"></rect>'
        '<text x="{}" y="{}">{}</text>',
        rows,
    )
    return format_html(
        '<svg class="lms-chart" role="img" viewBox="0 0 {w} {h}" width="100%" '
        'style="max-width:{w}px;font-family:inherit;font-size:15px" xmlns="http://www.w3.org/2000/svg">'
        "<title>{title}</title>{body}</svg>",
        w=width,
        h=height,
        title=title,
        body=body,
    )


def trend_chart(points, *, title: str, percent: bool = False, width: int = 720) -> str:
    """One column per month (``points`` = [(date, value)]), oldest on the left."""
    if not points:
        return ""
    height, bottom, top_pad, left = 220, 40, 20, 10
    plot_h = height - bottom - top_pad
    slot = (width - 2 * left) / len(points)
    col_w = max(4, min(48, slot * 0.7))
    top = 100 if percent else (max((v or 0) for _, v in points) or 1)
    cols = []
    every = max(1, len(points) // 12)  # at most ~12 month labels
    for i, (month, value) in enumerate(points):
        h = round(plot_h * (value or 0) / top, 1)
        x = left + i * slot + (slot - col_w) / 2
        y = top_pad + plot_h - h
        label = date_format(month, "M y") if i % every == 0 else ""
        cols.append(
            (
                round(x, 1),
                round(y, 1),
                round(col_w, 1),
                h,
                TREND_COLOUR,
                f"{date_format(month, 'F Y')}: {_fmt(value, percent)}",
                round(x + col_w / 2, 1),
                round(y - 4, 1),
                _fmt(value, percent) if len(points) <= 24 else "",
                round(x + col_w / 2, 1),
                height - bottom + 16,
                label,
            )
        )
    body = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>'
        '<text x="{}" y="{}" text-anchor="middle" font-size="13">{}</text>'
        '<text x="{}" y="{}" text-anchor="middle" font-size="13">{}</text>',
        cols,
    )
    axis = format_html(
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#888"></line>',
        left,
        top_pad + plot_h,
        width - left,
        top_pad + plot_h,
    )
    return format_html(
        '<svg class="lms-chart" role="img" viewBox="0 0 {w} {h}" width="100%" '
        'style="max-width:{w}px;font-family:inherit;font-size:15px" xmlns="http://www.w3.org/2000/svg">'
        "<title>{title}</title>{axis}{body}</svg>",
        w=width,
        h=height,
        title=title,
        axis=axis,
        body=body,
    )
