"""The WSGI application, for waitress (`coffeechat serve`) or any other WSGI server."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

from coffeechat.edges.proxy import TrustedProxyMiddleware, trusted_networks

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")
application = get_wsgi_application()
if settings.COFFEECHAT_BEHIND_PROXY:
    # Outermost: Django, WhiteNoise and the lockout see the client's scheme, host and address.
    application = TrustedProxyMiddleware(  # type: ignore[assignment]
        application, trusted_networks(settings.COFFEECHAT_TRUSTED_PROXIES)
    )
