import pytest
from django.db import connection

from coffeechat.pages.search import index


@pytest.fixture(autouse=True)
def _search_index_triggers(db):
    """A test that migrates with MigrationExecutor (no migrate command, so no post_migrate)
    leaves the index without its triggers for the tests after it in the same database."""
    if not index.is_current(connection):
        index.install(connection)
