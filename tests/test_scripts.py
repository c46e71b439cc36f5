"""The scripts the README's commands run: they start and do their job."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_prepare_assets_writes_the_map_files_the_dashboard_serves(tmp_path, gazetteer):
    # `bash scripts/run` runs scripts/prepare.py, which ends in this script; a broken import
    # or option here stops the dashboard from starting at all. (The gazetteer fixture makes
    # sure the shared index cache is built, so the script only loads it.)
    static = tmp_path / "static"
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "prepare_assets.py"), "--static", str(static),
         "--max-zoom", "4"],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "tiles" in done.stdout and "names and 3 line bands" in done.stdout
    assert (static / "tiles").is_dir() and (static / "labels").is_dir()
    assert any((static / "lib").glob("labels.*.js"))
