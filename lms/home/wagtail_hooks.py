from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_css")
def thai_font_in_admin():
    """Thai text in the admin uses Sarabun too, so it renders on machines without a Thai font."""
    return format_html(
        "<style>@font-face{{font-family:'Sarabun';font-weight:400;unicode-range:U+0E00-0E7F;"
        "src:local('Sarabun'),url('{}') format('truetype')}}"
        "@font-face{{font-family:'Sarabun';font-weight:700;unicode-range:U+0E00-0E7F;"
        "src:local('Sarabun Bold'),url('{}') format('truetype')}}"
        ":root{{--w-font-sans:'Sarabun',-apple-system,BlinkMacSystemFont,'Segoe UI',system-ui,Roboto,sans-serif}}"
        "body{{font-family:var(--w-font-sans)}}</style>",
        static("fonts/sarabun/Sarabun-Regular.ttf"),
        static("fonts/sarabun/Sarabun-Bold.ttf"),
    )


@hooks.register("insert_global_admin_js")
def thai_slugs_in_admin():
    """The live slug field keeps Thai vowels and tone marks (see lms/slugs.py)."""
    return format_html('<script src="{}"></script>', static("js/admin-thai-slug.js"))
