"""The editor's own widgets, one per file."""
