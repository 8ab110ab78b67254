"""Work shared between forked processes (network.forking): results in order, computed elsewhere,
from a closure over objects never copied in, and a failure raised where the work was asked for."""

import os
import time

import pytest

from network.forking import MapInBackground, fork_map


def test_results_come_back_in_order_from_other_processes():
    results = fork_map(lambda n: (n * n, os.getpid()), list(range(25)), workers=3)
    assert [square for square, _ in results] == [n * n for n in range(25)]
    pids = {pid for _, pid in results}
    assert os.getpid() not in pids and len(pids) == 3


def test_a_closure_reads_what_the_parent_had_in_memory():
    table = {f"key-{n}": n for n in range(10_000)}  # inherited by fork, never pickled
    assert fork_map(lambda key: table[key], ["key-7", "key-9999"], workers=2) == [7, 9999]


def test_one_worker_or_one_item_is_done_here():
    assert fork_map(lambda _: os.getpid(), [1, 2], workers=1) == [os.getpid()] * 2
    assert fork_map(lambda _: os.getpid(), [1], workers=4) == [os.getpid()]
    assert fork_map(lambda _: 1, [], workers=4) == []


def test_a_failure_in_a_worker_is_raised_here_with_its_traceback(capfd):
    def work(n):
        if n == 3:
            raise ValueError("item 3 is broken")
        return n

    with pytest.raises(ValueError, match="item 3 is broken"):
        fork_map(work, [1, 2, 3, 4], workers=2)
    assert "item 3 is broken" in capfd.readouterr().err


def test_work_in_the_background_goes_on_while_this_process_does_other_work(tmp_path):
    release = tmp_path / "release"

    def wait_then_answer(n):  # done in another process: it can only finish once this one went on
        while not release.exists():
            time.sleep(0.01)
        return n * 10, os.getpid()

    reading = MapInBackground(wait_then_answer, [1, 2, 3], workers=1)
    release.write_text("go")  # the caller's own work, meanwhile
    results = reading.results()
    assert [value for value, _ in results] == [10, 20, 30]
    assert {pid for _, pid in results} != {os.getpid()}
    assert MapInBackground(lambda n: (n, os.getpid()), [], workers=2).results() == []


def test_work_in_the_background_that_is_cancelled_stops(tmp_path):
    def sleep_long(n):
        (tmp_path / f"worker-{n}").write_text(str(os.getpid()))
        time.sleep(60)

    reading = MapInBackground(sleep_long, [1, 2], workers=2)
    while len(list(tmp_path.glob("worker-*"))) < 2:
        time.sleep(0.01)
    reading.cancel()
    for marker in tmp_path.glob("worker-*"):
        with pytest.raises(ProcessLookupError):  # stopped, and waited for
            os.kill(int(marker.read_text()), 0)


def test_the_time_work_in_the_background_took_is_its_own_not_the_waiting():
    started = time.perf_counter()
    reading = MapInBackground(lambda n: time.sleep(0.2), [1, 2], workers=2)
    time.sleep(1.5)  # this process's own work, meanwhile
    reading.results()
    assert 0.2 <= reading.finished - started < 1.2
    asked = time.perf_counter()
    here = MapInBackground(lambda n: time.sleep(0.2), [1], workers=0)  # none forked: done when asked
    time.sleep(1.0)
    here.results()
    assert 0.2 <= here.finished - asked < 1.0  # its own time, not the wait before it was asked


def test_a_fork_refused_leaves_no_pipe_open(monkeypatch):
    def refused():
        raise OSError(11, "Resource temporarily unavailable")

    before = len(os.listdir("/proc/self/fd"))
    monkeypatch.setattr(os, "fork", refused)
    for _ in range(5):
        with pytest.raises(OSError):
            MapInBackground(lambda n: n, [1, 2, 3], workers=3)
    assert len(os.listdir("/proc/self/fd")) == before
