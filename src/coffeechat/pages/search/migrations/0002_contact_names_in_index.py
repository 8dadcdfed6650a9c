"""A contact's middle name, the name they go by and their family and given name written
together ("김민준") are in the index (sources.py): every contact is indexed again.

The reindex itself is apps.py's: after any migrate that applies a migration, the triggers go
back on as sources.py now writes them and every record is indexed again, so this migration is
what brings a database that already has the name parts (people 0007) up to date."""

from django.db import migrations


class Migration(migrations.Migration):
    # Its own app only, as the index's migrations go: the triggers that read the name parts
    # are put on after every migrate, once every app's migrations have run.
    dependencies = [("search", "0001_search_index")]
    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
