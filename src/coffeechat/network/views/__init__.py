"""Pages of the network app: imports, duplicates and merging."""
