"""The benchmark: build synthetic corpora and report where the time goes.

    python benchmarks/run.py                 # 1,000 and 10,000 documents, 1,000 directory entities
    python benchmarks/run.py --sizes 50 --no-write    # the smoke version run by the tests

Each build runs in its own process (the same command as `make publish`), so peak memory is that
process's own. Figures are reported as ratios measured in one run: these machines are noisy.
Writes benchmarks/RESULTS.md unless --no-write.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from corpus import generate  # noqa: E402

LINKER_STAGE = "crosslinks: linking mentions"
TARGETS = {"linker share": 0.20}


def timed_build(content: str, output: str, timings: str) -> dict:
    """One full production build in a child process; its stage times and peak memory."""
    command = [sys.executable, os.path.join(ROOT, "tools", "build.py"), "--settings",
               os.path.join(ROOT, "publishconf.py"), "--content", content, "--output", output,
               "--timings", timings]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    stdout, stderr = process.stdout.read(), process.stderr.read()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"benchmark build failed ({code}):\n{stdout}\n{stderr}")
    with open(timings, encoding="utf-8") as handle:
        result = json.load(handle)
    result["wall"] = wall
    result["peak_memory_mib"] = usage.ru_maxrss / 1024  # Linux reports KiB
    return result


def run(sizes: list[int], entities: int, seed: int, work: str) -> list[dict]:
    rows = []
    for size in sizes:
        folder = os.path.join(work, f"corpus-{size}")
        content = generate(folder, size, entities, seed)
        result = timed_build(content, os.path.join(folder, "output"), os.path.join(folder, "timings.json"))
        result["documents"] = size
        result["linker_share"] = result["stages"].get(LINKER_STAGE, 0.0) / result["total"]
        rows.append(result)
        print(f"{size:>6} documents: {result['total']:.1f} s, linker {result['linker_share']:.1%} of the build, "
              f"peak memory {result['peak_memory_mib']:.0f} MiB", flush=True)
    return rows


def report(rows: list[dict], entities: int, command: str) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Produced by `{command}` on a machine with {os.cpu_count()} cores "
        f"({platform.machine()}, Python {platform.python_version()}), {time.strftime('%Y-%m-%d')}.",
        f"Synthetic corpora from `benchmarks/corpus.py` with {entities} directory entities; every figure "
        "comes from one run. Times are seconds of one full production build (`tools/build.py`).",
        "",
        "| documents | full build (s) | linker share | target | peak memory (MiB) |",
        "| ---: | ---: | ---: | --- | ---: |",
    ]
    for row in rows:
        met = "met" if row["linker_share"] < TARGETS["linker share"] else "NOT met"
        lines.append(f"| {row['documents']:,} | {row['total']:.1f} | {row['linker_share']:.1%} | "
                     f"< 20%: {met} | {row['peak_memory_mib']:.0f} |")
    if len(rows) > 1:
        growth = rows[-1]["total"] / rows[0]["total"]
        scale = rows[-1]["documents"] / rows[0]["documents"]
        lines += ["", f"Growth: time({rows[-1]['documents']:,}) / time({rows[0]['documents']:,}) = "
                  f"{growth:.1f} for {scale:.0f}x the documents."]
    lines += ["", "## Time of each stage (share of the full build)", ""]
    stages = list(rows[0]["stages"])
    lines.append("| stage | " + " | ".join(f"{r['documents']:,} docs" for r in rows) + " |")
    lines.append("| --- |" + " ---: |" * len(rows))
    for stage in stages:
        cells = [f"{r['stages'].get(stage, 0):.2f} s ({r['stages'].get(stage, 0) / r['total']:.0%})" for r in rows]
        lines.append(f"| {stage} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated document counts")
    parser.add_argument("--entities", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-write", action="store_true", help="do not write benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        rows = run(sizes, args.entities, args.seed, work)
    text = report(rows, args.entities, "make bench" if args.sizes == "1000,10000" else
                  "python benchmarks/run.py " + " ".join(argv or sys.argv[1:]))
    if not args.no_write:
        with open(os.path.join(HERE, "RESULTS.md"), "w", encoding="utf-8") as handle:
            handle.write(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
