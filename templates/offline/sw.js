{% autoescape off %}/* The service worker: its code is static/js/offline/sw-main.js, on Workbox. */
self.LMS_OFFLINE = {{ config }};
importScripts("{{ workbox }}", "{{ worker }}");
{% endautoescape %}
