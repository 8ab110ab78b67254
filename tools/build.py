"""Build the site into a temporary folder and put it in place only when the build succeeded.

    python tools/build.py [--settings publishconf.py] [--output output] [--content content] [--check]

A failed build (content errors, or any error Pelican reports) leaves the previous output
folder exactly as it was, prints what went wrong, and exits non-zero. One build runs at a time
for an output folder and for a cache: a second one waits for the first, and says so.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import shutil
import sys
import time
import traceback

import publishing

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class _ErrorCounter(logging.Handler):
    """Pelican logs some failures (a broken template, an unreadable file) and carries on;
    a publish must not, so every error it logs is counted and fails the build."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def _plain_logging() -> _ErrorCounter:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    counter = _ErrorCounter()
    root.addHandler(counter)
    return counter


def build(settings_file: str, output: str, overrides: dict | None = None, timings: str | None = None,
          kept: dict | None = None) -> int:
    """Run one build, alone (see ``_OneBuildAtATime``); return the exit code (0 on success).

    ``timings``: a file to write the time of each stage to, as JSON (used by the benchmark).
    ``kept``: a dictionary given the run's settings under "settings", for a tool that reads the
    model after a check (`make new`, `make suggest`: ``network.build.of(kept["settings"])``).
    """
    output = os.path.abspath(output)
    kept = {} if kept is None else kept
    with _OneBuildAtATime(output, settings_file, overrides):
        code, report = _build(settings_file, output, overrides, timings, kept)
        if not (overrides or {}).get("CHECK_ONLY"):  # a check writes nothing, so changes no record
            publishing.record_build(output, settings_file, code == 0, report, _site_size(kept))
        return code


def check_quietly(settings_file: str, output: str, content: str | None = None):
    """Check the content as `make check` does, printing nothing; return the exit code, the Build
    (its model and problems; None if the check stopped before making one) and what it would have
    printed. For tools that start from the model: `make new`, `make suggest`."""
    import contextlib
    import io

    kept: dict = {}
    printed = io.StringIO()
    overrides = {"CHECK_ONLY": True, **({"PATH": os.path.abspath(content)} if content else {})}
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        code = build(settings_file, output, overrides, kept=kept)
    from network import build as builds

    settings = kept.get("settings") or {}
    return code, settings.get(builds.SETTING), settings, printed.getvalue()


def _lock_paths(output: str, settings_file: str, overrides: dict | None) -> list[str]:
    """A lock for the output folder and one for the cache: two builds of one project, even into
    two folders, share its cache, which each build tidies."""
    from pelican.settings import read_settings

    try:
        cache = read_settings(settings_file, override=overrides or None).get("CACHE_PATH") or ".cache"
    except Exception:  # settings the build itself will report on, in words
        cache = ".cache"
    paths = [publishing.lock_path(output), os.path.abspath(cache).rstrip(os.sep) + ".lock"]
    # Always taken in the same order: two builds never each hold a lock the other waits for.
    return sorted(set(paths))


class _OneBuildAtATime:
    """Hold every lock of a build (``filelock``: released by the system if the process dies)."""

    def __init__(self, output: str, settings_file: str, overrides: dict | None):
        from filelock import FileLock

        self.output = output
        self.locks = [FileLock(path) for path in _lock_paths(output, settings_file, overrides)]

    def __enter__(self):
        from filelock import Timeout

        for lock in self.locks:
            os.makedirs(os.path.dirname(lock.lock_file), exist_ok=True)
            try:
                lock.acquire(timeout=0)
            except Timeout:
                print(f"Another build of {self.output}/ is running; this one starts when it has finished.",
                      file=sys.stderr, flush=True)
                lock.acquire()
        return self

    def __exit__(self, *_):
        for lock in reversed(self.locks):
            lock.release()


def _build(settings_file: str, output: str, overrides: dict | None, timings: str | None,
           kept: dict) -> tuple[int, str]:
    """Run Pelican; (the exit code, what went wrong as printed: empty on success). ``kept`` is
    given the run's settings (see ``build``)."""
    sys.path.insert(0, os.path.join(ROOT, "plugins"))
    from network.errors import BuildFailed, CheckPassed
    from pelican import Pelican
    from speed import helper
    from speed.helper import HelperFailed
    from pelican.settings import read_settings

    staging, recycled = publishing.prepare_staging(output)
    if recycled:  # Pelican must not delete the folders we keep for it
        overrides = {**(overrides or {}), "DELETE_OUTPUT_DIRECTORY": False}
    counter = _plain_logging()
    # A build makes hundreds of thousands of long-lived objects; Python's cycle collector would
    # walk them all again and again as they pile up. Collect rarely: the process is short-lived.
    gc.set_threshold(200_000, 50, 1000)
    started = time.perf_counter()
    settings: dict = {}
    try:
        try:
            # Unchanged pages of the site now in ``output`` are reused (see the speed plugin).
            settings = read_settings(settings_file, override={"OUTPUT_PATH": staging, "REUSE_OUTPUT_FROM": output,
                                                              **(overrides or {})})
            kept["settings"] = settings
            Pelican(settings).run()
        finally:
            helper.abort(settings)  # a helper still writing into the staging folder after a failure
            _forget_pelicans_memos()
    except CheckPassed as passed:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"{passed} Checked in {time.perf_counter() - started:.1f} s.")
        _print_suggestions(settings, sys.stdout)
        return 0, ""
    except (BuildFailed, HelperFailed) as failure:
        # An error Pelican logged (a page it skipped) comes alone: the links the link gate finds
        # leading to that page only follow from it.
        code_report = _failed(staging, 1, _errors_reported(counter) if counter.messages else str(failure),
                              counter.messages)
        _print_suggestions(settings, sys.stdout, in_full=False)  # the problems come first
        return code_report
    except Exception as exc:  # a bug or an environment problem, not the writer's content
        traceback.print_exc()
        return _failed(staging, 2, f"\nThe build stopped unexpectedly ({exc.__class__.__name__}: {exc}).\n"
                                   "Nothing was published; the site online is unchanged.")
    if counter.messages:
        return _failed(staging, 1, _errors_reported(counter), counter.messages)
    return _put_in_place(staging, output, recycled, started, timings, settings)


def _site_size(kept: dict) -> tuple[int, int] | None:
    """The files and bytes of the site the build put in place, as the pipeline listed them (its
    files are only moved since); None if it did not list them."""
    from network import build as builds

    settings = kept.get("settings")
    if not settings or builds.SETTING not in settings:
        return None
    listed = builds.of(settings).site_files
    return listed.size() if listed is not None else None


def _forget_pelicans_memos() -> None:
    """Pelican keeps the body and the summary it made of each content object in caches on its
    class (``pelican.utils.memoized``), keyed by the object. In the devserver's one process each
    build's objects stayed there, and through their settings the whole build (model, context,
    every document): 300 MB more after every rebuild at 10,000 documents. Emptied after a build."""
    from pelican.contents import Content

    for method in vars(Content).values():
        cache = getattr(method, "cache", None)
        if isinstance(cache, dict):
            cache.clear()


def _failed(staging: str, code: int, report: str, logged: list[str] = ()) -> tuple[int, str]:
    """Print ``report``; (``code``, the errors logged as they came, then the report)."""
    shutil.rmtree(staging, ignore_errors=True)
    print(report, file=sys.stderr)
    return code, "\n".join([*(f"ERROR: {message}" for message in logged), report.strip()])


def _print_suggestions(settings: dict, stream, in_full: bool = True) -> None:
    """A check's suggestions for the directory (authoring plugin), after the problems: never errors;
    only counted while there are problems to fix."""
    from authoring.suggestfile import as_line, as_text
    from network import build as builds

    if settings.get("CHECK_ONLY") and builds.SETTING in settings:
        suggestions = builds.of(settings).suggestions
        text = as_text(suggestions) if in_full else as_line(suggestions)
        if text:
            print(f"\n{text}", file=stream)


def _errors_reported(counter: _ErrorCounter) -> str:
    return (f"\nThe site was not built: {len(counter.messages)} error(s) were reported above.\n"
            "Nothing was published; the site online is unchanged.")


def _put_in_place(staging: str, output: str, recycled: bool, started: float, timings: str | None,
                  settings: dict) -> tuple[int, str]:
    from network import build as builds

    build = builds.of(settings)
    publishing.forget_build(output)
    listed = build.site_files  # the pipeline's list of the new site (network.sitefiles)
    try:
        publishing.publish(staging, output, recycled, listed.empty_folders if listed is not None else None)
    except OSError as exc:  # the disk, not the content: full, read-only, no permission
        return _failed(staging, 2, f"The new site was built but could not be put in {output}/: {exc.strerror} "
                                   f"({exc.filename}).\nCheck that the disk has room and that you may write "
                                   "there, then build again.")
    elapsed = time.perf_counter() - started
    reused = build.writing.summary() if build.writing is not None else ""
    print(f"Built {output}/ in {elapsed:.1f} s{f' ({reused})' if reused else ''}.")
    if timings:
        with open(timings, "w", encoding="utf-8") as handle:
            json.dump({"total": elapsed, "stages": dict(build.stages.seconds)}, handle, indent=2)
    return 0, ""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="publishconf.py")
    parser.add_argument("--output", default="output")
    parser.add_argument("--content", help="the content folder (default: PATH in the settings)")
    parser.add_argument("--timings", metavar="FILE", help="write the time of each stage to FILE (JSON)")
    parser.add_argument("--check", action="store_true",
                        help="only read and check the content; write nothing (make check)")
    args = parser.parse_args(argv)
    overrides = {"PATH": os.path.abspath(args.content)} if args.content else {}
    if args.check:
        overrides["CHECK_ONLY"] = True
    return build(args.settings, args.output, overrides, args.timings)


if __name__ == "__main__":
    exit_code = main()
    # Everything is written and closed. Skip the interpreter's final clean-up: with a whole
    # site's objects in memory it walks and frees every one, which took a quarter of a warm
    # rebuild's time, for nothing.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(exit_code)
