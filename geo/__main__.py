"""``python -m geo``: the command-line interface (see geo/cli.py)."""

import sys

from geo.cli.main import main

sys.exit(main())
