"""No Django models: the index is a table of each engine's own kind (see index.py). This module
exists so that Django sends this app the pre_migrate and post_migrate signals (apps.py)."""
