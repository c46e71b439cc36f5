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


def _derive_settlements():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "derive_settlements", ROOT / "scripts" / "derive_settlements.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


# Codifier rows as the xlsx gives them: four level codes, the extra level, category, name.
_OBLAST = ["UA14000000000000001", "", "", "", "", "O", "Донецька"]
_RAION = ["UA14000000000000001", "UA14020000000000002", "", "", "", "P", "Західний"]
_HROMADA = [
    "UA14000000000000001",
    "UA14020000000000002",
    "UA14020010000000003",
    "",
    "",
    "H",
    "Ясна",
]


def _village(code, category, name):
    return [*_HROMADA[:3], code, "", category, name]


def test_a_settlement_renamed_since_the_older_codifier_keeps_its_former_name():
    derive = _derive_settlements()
    today = [_OBLAST, _RAION, _HROMADA, _village("UA14020010010000004", "X", "Ясне"),
             _village("UA14020010020000005", "C", "Лугове")]  # fmt: skip
    # The 2021 edition: an urban-type settlement (category T, a settlement since 2024) under
    # another name, and a village spelt with another apostrophe only.
    before = [_OBLAST, _RAION, _HROMADA, _village("UA14020010010000004", "T", "Зоряне"),
              _village("UA14020010020000005", "C", "Лугове")]  # fmt: skip
    units = derive.read_katottg(today)
    assert derive.former_names(units, before) == 1
    assert units["UA14020010010000004"].former == ["Зоряне"]
    assert units["UA14020010020000005"].former == []


def test_a_renamed_settlement_takes_the_russian_spelling_of_its_former_name():
    derive = _derive_settlements()
    alternates = ["Zoryanoye", "Зоряное", "Зоряне"]
    assert derive.russian_name("Ясне", alternates) == ""
    assert derive.russian_name("Ясне", alternates, ("Зоряне",)) == "Зоряное"
