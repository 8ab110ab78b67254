"""Work shared between forked processes (network.forking): results in order, computed elsewhere,
from a closure over objects never copied in, and a failure raised where the work was asked for."""

import os

import pytest

from network.forking import fork_map


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
