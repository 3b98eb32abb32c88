"""Keys that arrive in one read (as over SSH) act exactly as if typed one by one.

Each test starts the real ``dateline`` in a pseudo-terminal (see ``tests/terminal.py``),
130×30 so that the list and the article stand side by side (below 120 columns the article
opens full width; the keys are routed the same way), writes a burst of keys in ONE ``os.write`` and reads the screen
through pyte. Selected with ``-m pty``; they run in the normal suite too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from terminal import PtyApp

from reader.sources import load_sources

pytestmark = pytest.mark.pty

# The seed article long enough for several pages.
LONGEST = max(range(len(load_sources().articles)), key=lambda i: len(load_sources().articles[i].body))


SPLIT = (130, 30)


def start(tmp_path: Path, name: str = "app", **kwargs) -> PtyApp:
    home = tmp_path / name
    home.mkdir()
    kwargs.setdefault("size", SPLIT)
    app = PtyApp(home, **kwargs)
    app.wait_for_text("Headlines")
    app.wait_for(lambda a: a.article_lines()[:1] != [], "the article pane")
    app.wait_until_stable()
    return app


def open_longest(app: PtyApp) -> None:
    """Read the longest article (a burst of j's then Enter, itself a burst)."""
    app.write("j" * LONGEST + "\r")
    app.wait_for_text(f"Article {LONGEST + 1}/")
    app.wait_until_stable()


def test_enter_then_j_after_a_filter_moves_in_the_list_not_the_filter(tmp_path: Path) -> None:
    with start(tmp_path) as app:
        app.write("/china\rj")
        app.wait_for_text("search: china")
        app.wait_for_text("Article 2/")  # the j moved the cursor in the list
        app.wait_until_stable()
        assert "chinaj" not in app.text()


def test_slash_after_letters_in_one_write_keeps_its_place(tmp_path: Path) -> None:
    with start(tmp_path) as app:
        app.write("/T[/]")
        app.wait_for_text("search: T[/]")
        assert "/T[]" not in app.text()


def test_ten_js_in_one_write_scroll_the_article_ten_lines(tmp_path: Path) -> None:
    with start(tmp_path) as app:
        open_longest(app)
        before = app.article_lines()[:-1]  # the last row is the entity legend
        app.write("j" * 10)
        app.wait_for(lambda a: a.article_lines()[:1] == before[10:11], "the article to scroll ten lines")
        app.wait_until_stable()
        after = app.article_lines()[:-1]
        assert after[: len(before) - 10] == before[10:]


def burst_and_one_by_one(tmp_path: Path, keys: list[str]) -> tuple[list[str], list[list[str]]]:
    """The article pane after ``keys`` in one write, and after each key typed alone."""
    with start(tmp_path, "burst") as app:
        open_longest(app)
        app.write("".join(keys))
        app.wait_until_stable()
        burst = app.article_lines()
    steps = []
    with start(tmp_path, "typed") as app:
        open_longest(app)
        for key in keys:
            app.write(key)
            app.wait_until_stable()
            steps.append(app.article_lines())
    return burst, steps


def test_three_spaces_in_one_write_scroll_three_pages(tmp_path: Path) -> None:
    burst, steps = burst_and_one_by_one(tmp_path, [" ", " ", " "])
    assert len({tuple(step) for step in steps}) == 3, "each Space typed alone scrolls a page"
    assert burst == steps[-1]


def test_jumps_do_not_animate_so_no_key_after_them_is_lost(tmp_path: Path) -> None:
    burst, steps = burst_and_one_by_one(tmp_path, ["G", "k", "k", "g", "j", "j", "j", " ", "k"])
    assert burst == steps[-1]


SGR = re.compile(rb"\x1b\[([0-9;:]*)m")


def colour_codes(output: bytes) -> set[str]:
    """Every SGR parameter that sets a colour (foreground, background, 16/256/true colour)."""
    found = set()
    for match in SGR.finditer(output):
        params = match.group(1).decode().replace(":", ";").split(";")
        for index, param in enumerate(params):
            if not param.isdigit():
                continue
            number = int(param)
            if number in (38, 48, 58):
                found.add(";".join(params[index : index + 3]))
                break  # the rest are the colour's own numbers
            if 30 <= number <= 37 or 40 <= number <= 47 or 90 <= number <= 97 or 100 <= number <= 107:
                found.add(param)
    return found


def test_no_color_sends_no_colour_escape_at_all(tmp_path: Path) -> None:
    with start(tmp_path, env={"NO_COLOR": "1"}) as app:  # a 256-colour terminal, told no colour
        app.write("jE")  # the entity panel and the legend: every kind of entity style
        app.wait_for_text("Organisations (")
        app.wait_until_stable()
        app.write("?")
        app.wait_for_text("Anywhere")
        app.wait_until_stable()
        output = app.output()
    assert SGR.search(output), "styles (bold, reverse…) still reach the terminal"
    assert colour_codes(output) == set()


def test_colour_reaches_the_terminal_without_no_color(tmp_path: Path) -> None:
    """The check above can fail: the same run without NO_COLOR sends colours."""
    with start(tmp_path) as app:
        output = app.output()
    assert colour_codes(output)


def test_sixteen_colours_select_bright_white_on_blue(tmp_path: Path) -> None:
    """TERM=xterm: 16 colours. The selected row is bright white on blue (not white on cyan)."""
    with start(tmp_path, term="xterm") as app:
        app.write("j")
        app.wait_for_text("Article 2/")
        app.wait_until_stable()
        lines = app.lines()  # the headline (in the list, on the left), not the article's title
        row = next(i for i, line in enumerate(lines) if line.find("Huawei can technically") in range(1, 12))
        column = lines[row].index("Huawei can technically")
        cell = app.cell(row, column)
        assert (cell.fg, cell.bg) == ("brightwhite", "blue")


def test_q_goes_back_and_quits_only_from_the_list(tmp_path: Path) -> None:
    with start(tmp_path) as app:
        app.write("\rq")  # read, then q: back to the list, still running
        app.wait_until_stable()
        assert app.process.poll() is None
        app.write("q")
        assert app.wait_for_exit() == 0


def test_ctrl_c_quits(tmp_path: Path) -> None:
    with start(tmp_path) as app:
        app.write("/abc\x03")  # even from the filter field
        assert app.wait_for_exit() == 0


def test_enter_and_ten_js_in_one_write_at_80x24_scroll_the_full_width_article(tmp_path: Path) -> None:
    """At 80×24 Enter opens the article full width; j's arriving with it scroll that article."""
    home = tmp_path / "narrow"
    home.mkdir()
    with PtyApp(home, size=(80, 24)) as app:
        app.wait_for_text("Headlines")
        app.wait_until_stable()
        app.write("j" * LONGEST + "\r")
        app.wait_for_text(f"Article {LONGEST + 1}/")
        app.wait_until_stable()
        before = app.article_lines()[:-1]
        app.write("\x1b")  # back to the list, at the same place
        app.wait_for_text("Headlines")
        app.wait_until_stable()
        app.write("\r" + "j" * 10)  # Enter and ten j's in one write
        app.wait_for(lambda a: a.article_lines()[:1] == before[10:11], "the article to scroll ten lines")
        app.wait_until_stable()
        assert app.article_lines()[:-1][: len(before) - 10] == before[10:]
