"""`python -m drafter` is the same as the `drafter` command."""

from drafter.cli import main

raise SystemExit(main())
