"""gunicorn configuration: ``gunicorn -c python:lms.gunicorn lms.wsgi``.

Every value can be overridden from the environment, so the same file serves a
2-core test box and a large machine. Threads rather than more processes: most
of a request's time is spent waiting on PostgreSQL, and threads share one
copy of Wagtail's loaded page classes.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
timeout = int(
    os.environ.get("GUNICORN_TIMEOUT", "60")
)  # a certificate PDF takes ~0.1 s
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak can never take the site down.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
preload_app = True
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
# No query strings in the access log: search terms and reset tokens are personal.
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
