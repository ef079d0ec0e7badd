"""A health check for load balancers and orchestrators: are the database and the cache reachable?"""

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def health(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means unhealthy
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    try:
        cache.set("healthz", "1", 5)
        cache_ok = cache.get("healthz") == "1"
    except Exception:  # noqa: BLE001 - a cache that raises is down
        cache_ok = False
    if not cache_ok:
        return JsonResponse({"status": "error", "cache": "unreachable"}, status=503)
    return JsonResponse({"status": "ok"})
