"""Prepare what the dashboard needs offline: the gazetteer index and the map assets.

Idempotent and quick when everything is current; the first run builds the index (~10 s) and
cuts the relief tiles (~2 s). Everything comes from installed packages; nothing is downloaded.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import prepare_assets  # noqa: E402

from geo.cli.main import main  # noqa: E402

if __name__ == "__main__":
    code = main(["prepare"])
    sys.exit(code or prepare_assets.main([]))
