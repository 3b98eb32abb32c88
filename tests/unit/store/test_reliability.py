"""Several processes at once, and processes killed mid-write: no bookmark is ever lost.

The children are real processes (``tests/unit/store/writer.py``) so that SQLite's file locks
and a SIGKILL behave exactly as they do for users.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from reader.store import BookmarkStore
from tests.unit.store.helpers import integrity, start_writer

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")


def test_two_processes_adding_at_once_lose_nothing(store_path: Path) -> None:
    count = 500
    writers = [start_writer(store_path, prefix, count, wait=True) for prefix in ("left-", "right-")]
    try:
        for writer in writers:
            assert writer.stdout.readline() == "ready\n", writer.stderr.read()
        for writer in writers:  # start both together
            writer.stdin.write("go\n")
            writer.stdin.flush()
        outputs = [writer.communicate(timeout=300) for writer in writers]
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
                writer.wait()
    for writer, (out, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
        assert err == ""
        assert out.splitlines()[-1] == "done"
    expected = {f"{prefix}{number:05d}" for prefix in ("left-", "right-") for number in range(count)}
    with BookmarkStore(store_path) as store:
        assert store.recovery is None
        assert store.ids() == expected
        assert len(store) == 2 * count
    assert integrity(store_path) == [("ok",)]


def test_a_writer_killed_at_random_moments_never_loses_a_returned_add(store_path: Path) -> None:
    seed = int(os.environ.get("DATELINE_KILL_SEED", "20261128"))
    rng = random.Random(seed)
    kills = 25
    reported: set[str] = set()
    rounds_with_writes = 0
    for round_ in range(kills):
        writer = start_writer(store_path, f"k{round_:02d}-", 1_000_000)
        try:
            # Most rounds die while adding; every fifth at any moment from start-up on.
            head = ""
            if round_ % 5:
                # Wait for the first add to return, so the kill lands among the next ones.
                head = writer.stdout.readline() + writer.stdout.readline()
                assert head.startswith("ready\n") and head.endswith("\n"), writer.stderr.read()
            time.sleep(rng.uniform(0.0, 0.25))
        finally:
            writer.send_signal(signal.SIGKILL)
            out, err = writer.communicate(timeout=60)
        assert writer.returncode == -signal.SIGKILL
        assert "recovery" not in err and "Error" not in err, err
        # Only complete lines count: an id is printed after add() returned.
        lines = (head + out).split("\n")[:-1]
        ids = {line for line in lines if line != "ready"}
        rounds_with_writes += bool(ids)
        reported |= ids
        if store_path.exists():
            assert integrity(store_path) == [("ok",)], f"seed {seed}, round {round_}"
        with BookmarkStore(store_path) as store:
            assert store.recovery is None, f"seed {seed}, round {round_}"
            missing = reported - store.ids()
        assert not missing, f"seed {seed}, round {round_}: lost {sorted(missing)[:5]}"
    assert rounds_with_writes >= kills - kills // 5  # the kills really did land mid-write
    assert integrity(store_path) == [("ok",)]
