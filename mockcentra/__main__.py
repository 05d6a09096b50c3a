"""`python -m mockcentra` runs the same command line as the `mockcentra` script."""

from mockcentra.cli import main

raise SystemExit(main())
