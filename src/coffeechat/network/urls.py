from django.urls import path

from coffeechat.network.urls_duplicates import duplicate_patterns
from coffeechat.network.views import imports

app_name = "network"
import_patterns = [
    path("import/", imports.start, name="import"),
    path("import/<str:token>/", imports.preview, name="import_preview"),
    path("import/<str:token>/commit/", imports.commit, name="import_commit"),
    path("import/<str:token>/cancel/", imports.cancel, name="import_cancel"),
]
urlpatterns = [*import_patterns, *duplicate_patterns]
