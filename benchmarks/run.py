"""The benchmark: synthetic corpora built by our site and by vanilla Pelican, in one run.

    python benchmarks/run.py                          # make bench: 1,000 and 10,000 documents
    python benchmarks/run.py --sizes 50 --rounds 1 --no-write   # the smoke version in make test

For each size it builds, alternating, our production build and vanilla Pelican (the same
articles, our plugins off, Pelican's own theme and feeds), `--rounds` times each, and reports
medians; the time of each stage of our build; `make check`; `make publish` after editing one
document and the devserver's time from saving an edit to the page being ready (each a share of
the cold build); peak memory; the slowest newsletter inlining. Every figure comes from
this one run and is given as a ratio where a ratio is the target: these machines are noisy.
Each build runs in its own process, so its peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from corpus import edit_one_update, generate  # noqa: E402
from preview import devserver_ready  # noqa: E402

LINKER_STAGE = "crosslinks: linking mentions"
INLINING_STAGE = "newsletter: slowest inlining of one issue"
GATE_STAGE = "last gate: private names in the files written"
LINK_GATE_STAGE = "link gate: links and anchors of every page"
SEARCH_STAGE = "search: indexing the site"
#: No page of the site over this many bytes (issue 15: pages that stay small).
LARGEST_PAGE_LIMIT = 200 * 1024

VANILLA_SETTINGS = """\
# Vanilla Pelican on the same articles: no plugins, Pelican's own theme and feeds.
PATH = {path!r}
ARTICLE_PATHS = ["updates", "briefings", "minutes"]
PAGE_PATHS = ["pages"]
USE_FOLDER_AS_CATEGORY = True
SLUGIFY_SOURCE = "basename"
ARTICLE_URL = "{{category}}/{{slug}}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
TIMEZONE = "Europe/London"
SITEURL = "https://cvmp.example.org"
DEFAULT_PAGINATION = 20
PLUGINS = []
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
DELETE_OUTPUT_DIRECTORY = True
"""


def _run(command: list[str]) -> tuple[float, float, str]:
    """(seconds, peak MiB, output) of one command in its own process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{output[-4000:]}")
    return seconds, usage.ru_maxrss / 1024, output


def ours(content: str, output: str, timings: str, *extra: str) -> dict:
    command = [sys.executable, os.path.join(ROOT, "tools", "build.py"), "--settings",
               os.path.join(ROOT, "publishconf.py"), "--content", content, "--output", output, *extra]
    if timings:
        command += ["--timings", timings]
    seconds, memory, _ = _run(command)
    result = {"wall": seconds, "memory": memory, "stages": {}}
    if timings and os.path.exists(timings):
        with open(timings, encoding="utf-8") as handle:
            result["stages"] = json.load(handle)["stages"]
    return result


def vanilla(content: str, output: str, settings: str) -> dict:
    seconds, memory, log = _run([sys.executable, "-m", "pelican", content, "-s", settings, "-o", output, "-q"])
    return {"wall": seconds, "memory": memory, "errors": log.count("ERROR")}


def _clear(output: str) -> None:
    """Remove a previous output, and wait for our build's background deletion of an older one,
    outside any timing: neither side may pay for, or be slowed by, the other's cleaning up."""
    shutil.rmtree(output, ignore_errors=True)
    _wait_for_cleaning(output)
    # the emptied folders a build keeps for the next one: a cold build starts from nothing
    shutil.rmtree(os.path.join(os.path.dirname(output), f".{os.path.basename(output)}.spare"), ignore_errors=True)


def _wait_for_cleaning(output: str) -> None:
    """Wait until the background cleaning of the site a build replaced is over."""
    previous = output + ".previous"
    for _ in range(600):
        if not os.path.exists(previous):
            return
        time.sleep(0.1)
    shutil.rmtree(previous, ignore_errors=True)


def largest_page(site: str) -> tuple[int, str]:
    """(bytes, address) of the largest HTML page of a built site."""
    largest = (0, "")
    for folder, _, files in os.walk(site):
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                largest = max(largest, (os.path.getsize(path), os.path.relpath(path, site)))
    return largest


def measure(size: int, entities: int, seed: int, rounds: int, work: str) -> dict:
    folder = os.path.join(work, f"corpus-{size}")
    content = generate(folder, size, entities, seed)
    settings = os.path.join(folder, "vanilla.py")
    with open(settings, "w", encoding="utf-8") as handle:
        handle.write(VANILLA_SETTINGS.format(path=content))
    cache = os.environ.get("SITE_CACHE_PATH") or os.path.join(ROOT, ".cache", "pelican")  # see pelicanconf.py
    ours_runs, vanilla_runs = [], []
    for index in range(rounds):  # alternating, so both meet the same machine weather
        shutil.rmtree(cache, ignore_errors=True)  # every full build is cold
        _clear(os.path.join(folder, "ours"))
        ours_runs.append(ours(content, os.path.join(folder, "ours"), os.path.join(folder, f"t{index}.json")))
        ours_runs[-1]["largest"] = largest_page(os.path.join(folder, "ours"))
        _clear(os.path.join(folder, "vanilla"))
        _clear(os.path.join(folder, "ours"))
        vanilla_runs.append(vanilla(content, os.path.join(folder, "vanilla"), settings))
        print(f"  {size} documents, round {index + 1}: ours {ours_runs[-1]['wall']:.1f} s, "
              f"vanilla {vanilla_runs[-1]['wall']:.1f} s", flush=True)
    median = statistics.median(r["wall"] for r in ours_runs)
    middle = min(ours_runs, key=lambda r: abs(r["wall"] - median))
    row = {
        "documents": size,
        "ours": median,
        "vanilla": statistics.median(r["wall"] for r in vanilla_runs),
        "memory": max(r["memory"] for r in ours_runs),
        "vanilla_memory": max(r["memory"] for r in vanilla_runs),
        "stages": middle["stages"],
        "largest": middle["largest"],
        "round_ratios": [o["wall"] / v["wall"] for o, v in zip(ours_runs, vanilla_runs)],
        "check": ours(content, os.path.join(folder, "check"), "", "--check")["wall"],
    }
    row.update(warm_rebuilds(content, folder, size))
    _wait_for_cleaning(os.path.join(folder, "ours"))  # before the corpus folder is deleted
    return row


def warm_rebuilds(content: str, folder: str, size: int) -> dict:
    """`make publish` after a one-document edit (the cache warm from the last cold build), and
    the devserver's time from saving an edit to the page being ready."""
    output = os.path.join(folder, "ours")
    edit_one_update(content, size, "One more sentence, added to measure a warm rebuild.")
    ours(content, output, "")  # the first warm run fills what the cold one left
    edit_one_update(content, size, "And another.")
    _wait_for_cleaning(output)  # an officer edits for longer than this takes
    warm_run = ours(content, output, os.path.join(folder, "warm.json"))
    return {"warm": warm_run["wall"], "warm_stages": warm_run["stages"], **devserver_ready(content, folder, size)}


def _gate_target(rows: list[dict], largest: dict, stage: str, what: str) -> tuple[str, str, bool]:
    """A gate's time under 10% of the largest full build, with its time in each warm rebuild."""
    seconds = largest["stages"].get(stage, 0)
    warm = [f"{r['warm_stages'].get(stage, 0):.2f} s in a warm rebuild at {r['documents']:,}"
            for r in rows]
    return (f"{what} under 10% of the full build at {largest['documents']:,} documents",
            f"{seconds:.2f} s, {seconds / largest['ours']:.1%}" + "".join(f"; {text}" for text in warm),
            seconds / largest["ours"] < 0.10)


def _edit_target(rows: list[dict], key: str, what: str, seconds: float, share: float) -> tuple[str, str, bool]:
    """``key``'s time after one edit at the largest size under ``seconds`` and ``share`` of its
    cold build, with the figure at every size."""
    measured = "; ".join(f"{r[key]:.2f} s, {r[key] / r['ours']:.1%} of cold at {r['documents']:,}" for r in rows)
    largest = rows[-1]
    return (f"{what} at {largest['documents']:,} documents under {seconds:g} s and under {share:.0%} of a "
            "cold build", measured, largest[key] < seconds and largest[key] / largest["ours"] < share)


def _edit_targets(rows: list[dict]) -> list[tuple[str, str, bool]]:
    return [_edit_target(rows, "warm", "`make publish` after a one-document edit", 3, 0.05),
            _edit_target(rows, "devserver", "`make devserver` from saving an edit to the edited page ready", 1, 0.02),
            _edit_target(rows, "devserver_whole", "`make devserver` from saving an edit to the whole preview ready",
                         1, 0.02)]


def targets(rows: list[dict]) -> list[tuple[str, str, bool]]:
    """(target, measured, met) for every target (issues 7 and 18) that this run measured."""
    results = []
    largest, smallest = rows[-1], rows[0]
    ratio = largest["ours"] / largest["vanilla"]
    rounds = ", ".join(f"{r:.2f}x" for r in largest["round_ratios"])
    results.append((f"full build at {largest['documents']:,} documents at most 0.6x vanilla Pelican",
                    f"{ratio:.2f}x ({largest['ours']:.1f} s / {largest['vanilla']:.1f} s; rounds: {rounds})",
                    ratio <= 0.6))
    share = largest["stages"].get(LINKER_STAGE, 0) / largest["ours"]
    results.append(("the mention linker under 20% of the full build", f"{share:.1%}", share < 0.20))
    if len(rows) > 1:
        growth = largest["ours"] / smallest["ours"]
        scale = largest["documents"] / smallest["documents"]
        results.append((f"growth time({largest['documents']:,}) / time({smallest['documents']:,}) at most "
                        f"{1.1 * scale:.0f}", f"{growth:.1f}", growth <= 1.1 * scale))
    results += _edit_targets(rows)
    results.append(_gate_target(rows, largest, GATE_STAGE, "the last gate (every file written read for private names)"))
    results.append(_gate_target(rows, largest, LINK_GATE_STAGE, "the link gate (every link and anchor of every page checked)"))
    results.append((f"peak memory at {largest['documents']:,} documents under 1 GiB",
                    f"{largest['memory']:.0f} MiB", largest["memory"] < 1024))
    indexing = "; ".join(f"{r['stages'].get(SEARCH_STAGE, 0):.2f} s at {r['documents']:,}" for r in rows)
    results.append(("search indexing (Pagefind) measured at each size", indexing, True))
    size, address = largest["largest"]
    results.append((f"no page over {LARGEST_PAGE_LIMIT // 1024} KB at {largest['documents']:,} documents",
                    f"largest {size / 1024:.0f} KB ({address}); " + "; ".join(
                        f"{r['largest'][0] / 1024:.0f} KB at {r['documents']:,}" for r in rows[:-1]),
                    size <= LARGEST_PAGE_LIMIT))
    inlining = max(r["stages"].get(INLINING_STAGE, 0) for r in rows)
    results.append(("e-mail inlining of one newsletter issue under 50 ms", f"{inlining * 1000:.1f} ms",
                    inlining < 0.05))
    return results


def _storage() -> str:
    """Where the builds wrote, when not on the default disk (both builds alike; our cache too)."""
    folders, cache = os.environ.get("TMPDIR"), os.environ.get("SITE_CACHE_PATH")
    told = [f"corpora and outputs under `{folders}`" if folders else "", f"our cache in `{cache}`" if cache else ""]
    told = [part for part in told if part]
    return f" Storage: {' and '.join(told)}." if told else ""


def report(rows: list[dict], entities: int, rounds: int, command: str) -> str:
    lines = [
        "# Benchmark results", "",
        f"Produced by `{command}` on one machine with {os.cpu_count()} cores ({platform.machine()}, "
        f"Python {platform.python_version()}), {time.strftime('%Y-%m-%d')}, in one run. Synthetic corpora from "
        f"`benchmarks/corpus.py` (seeded) with {entities} directory entities. Full builds are cold (no cache), "
        f"alternating ours and vanilla Pelican, median of {rounds}.{_storage()}", "",
        "## Targets", "", "| target | measured | |", "| --- | --- | --- |",
    ]
    for target, measured, met in targets(rows):
        lines.append(f"| {target} | {measured} | {'met' if met else '**not met**'} |")
    lines += ["", "## Builds", "",
              "| documents | ours (s) | vanilla Pelican (s) | ratio | make check (s) | warm rebuild (s) | "
              "devserver: saved to page ready (s) | to whole preview ready (s) | an open page has them (s) | "
              "then the search (s) | "
              "peak memory, ours / vanilla (MiB) |",
              "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in rows:
        warm, ready, whole, page_reloaded, reloaded, search = (f"{row[key]:.1f}" for key in (
            "warm", "devserver", "devserver_whole", "devserver_page_reloaded", "devserver_reloaded",
            "devserver_search"))
        lines.append(f"| {row['documents']:,} | {row['ours']:.1f} | {row['vanilla']:.1f} | "
                     f"{row['ours'] / row['vanilla']:.2f}x | {row['check']:.1f} | {warm} | {ready} | {whole} | "
                     f"{page_reloaded} / {reloaded} | {search} | "
                     f"{row['memory']:.0f} / {row['vanilla_memory']:.0f} |")
    lines += ["", "## Time of each stage of our build (share of the full build)", ""]
    stages = [s for s in rows[-1]["stages"] if s != INLINING_STAGE]
    lines.append("| stage | " + " | ".join(f"{r['documents']:,} docs" for r in rows) + " |")
    lines.append("| --- |" + " ---: |" * len(rows))
    for stage in stages:
        cells = [f"{r['stages'].get(stage, 0):.2f} s ({r['stages'].get(stage, 0) / r['ours']:.0%})" for r in rows]
        lines.append(f"| {stage} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated document counts")
    parser.add_argument("--entities", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3, help="cold builds of each kind per size (median)")
    parser.add_argument("--no-write", action="store_true", help="do not write benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        rows = [measure(size, args.entities, args.seed, args.rounds, work)
                for size in sizes]
    command = "make bench" if argv is None and sys.argv[1:] == [] else \
        "python benchmarks/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
    text = report(rows, args.entities, args.rounds, command)
    if not args.no_write:
        with open(os.path.join(HERE, "RESULTS.md"), "w", encoding="utf-8") as handle:
            handle.write(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
