"""The core never imports textual or rich: it can be used by scripts and other front ends.

The one test of that boundary (keep it the only one). It imports every module of the
package outside ``reader.ui`` (found by walking the package, so a new core module is
covered without being listed here), then exercises loading and recognition, in a fresh
interpreter, and asks which modules got imported.
"""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_PROBE = """
import pkgutil, sys
import reader
modules = [m.name for m in pkgutil.walk_packages(reader.__path__, "reader.")
           if not m.name.startswith("reader.ui")
           # the spaCy adapter imports spaCy (when installed), which brings its own console libraries
           and m.name != "reader.entities.spacy_backend"]
for name in modules:
    __import__(name)
from reader.sources import load_sources
load_sources()
from reader.entities import recognise
recognise("Huawei said on Monday that Google would stop.")
print(len(modules))
print(",".join(sorted(m for m in sys.modules if m.split(".")[0] in {"textual", "rich"})))
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
