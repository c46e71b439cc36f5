"""Prepare what the dashboard needs offline: the gazetteer index and the map assets.

Idempotent and quick when everything is current; the first run builds the index (~10 s).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.cli import main

if __name__ == "__main__":
    sys.exit(main(["prepare"]))
