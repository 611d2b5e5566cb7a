"""The editor's screens, one per file."""
