from django.urls import path

from coffeechat.edges.imports import views as imports
from coffeechat.pages.duplicates.urls import duplicate_patterns

app_name = "network"
import_patterns = [
    path("import/", imports.start, name="import"),
    path("import/<str:token>/", imports.preview, name="import_preview"),
    path("import/<str:token>/commit/", imports.commit, name="import_commit"),
    path("import/<str:token>/cancel/", imports.cancel, name="import_cancel"),
]
urlpatterns = [*import_patterns, *duplicate_patterns]
