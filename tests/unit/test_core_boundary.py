"""The core never imports textual or rich: it can be used by scripts and other front ends."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORE = [
    "reader.model",
    "reader.sanitize",
    "reader.paths",
    "reader.sources",
    "reader.sources.dump",
    "reader.entities",
    "reader.entities.builtin",
    "reader.entities.index",
    "reader.entities.kinds",
    "reader.entities.cache",
    "reader.store",
    "reader.library",
    "reader.library.dump_kind",
    "reader.library.feed_kind",
    "reader.sources.feeds.parse",
    "reader.sources.feeds.fetch",
    "reader.sources.feeds.opml",
    "reader.sources.feeds.fulltext",
    "reader.library.indexer",
    "reader.commands.library_support",
    "reader.cli",
]


def test_core_does_not_import_ui_libraries() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {module}\n" for module in CORE)
        + "from reader.sources import load_sources\n"
        + "load_sources()\n"
        + "from reader.entities import recognise\n"
        + 'recognise("Huawei said on Monday that Google would stop.")\n'
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich'})\n"
        + "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == ""


def test_python_dash_m_reader_is_the_same_program() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--version"], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.startswith("dateline ")
