"""The core never imports textual or rich: it can be used by scripts and other front ends.

The one test of that boundary (keep it the only one). It imports every module of the
package outside ``reader.ui`` (found by walking the package, so a new core module is
covered without being listed here), then exercises loading and recognition, in a fresh
interpreter, and records every import of textual or rich made by a module of ours.

Made by *our* modules: a third-party library may bring rich along on its own (httpx imports
it for its command line when click happens to be installed, spaCy through typer); that is
not the core reaching for a UI library, and it depends on what else is installed.
"""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_PROBE = """
import importlib.abc, pkgutil, sys

ours = []


class Watch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in {"textual", "rich"}:
            frame = sys._getframe(1)
            while frame is not None and frame.f_globals.get("__name__", "").startswith(
                ("importlib", "_frozen_importlib")
            ):
                frame = frame.f_back
            importer = frame.f_globals.get("__name__", "") if frame is not None else ""
            if importer == "reader" or importer.startswith("reader."):
                ours.append(f"{importer} -> {name}")
        return None


sys.meta_path.insert(0, Watch())
import reader
modules = [m.name for m in pkgutil.walk_packages(reader.__path__, "reader.") if not m.name.startswith("reader.ui")]
for name in modules:
    __import__(name)
from reader.sources import load_sources
load_sources()
from reader.entities import recognise
recognise("Huawei said on Monday that Google would stop.")
print(len(modules))
print(",".join(sorted(set(ours))))
"""


def test_core_does_not_import_ui_libraries() -> None:
    result = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, cwd=REPO, check=True)
    count, bad = result.stdout.split("\n")[:2]
    assert int(count) >= 20  # the walk really found the package (model, sources, store, entities, commands...)
    assert bad == "", f"the core imported {bad}"


def test_python_dash_m_reader_is_the_same_program() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--version"], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.startswith("dateline ")
