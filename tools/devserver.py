"""Preview the site while you write: serve it, and rebuild it whenever a file changes.

    python tools/devserver.py [--settings pelicanconf.py] [--output preview] [--content content] [--port 8000]

Every rebuild is the same safe build as `make html` (tools/build.py): a build with mistakes
prints them and leaves the last good preview in place, and pages whose inputs did not change
are reused, so a rebuild after one edit takes a fraction of a full build. The search index
alone follows a moment later: it is made in the background once the page is ready
(search/later.py), and the preview's search shows the last index until then. The process stays up
between rebuilds, so Python and the plugins load once; a change to the plugins' code or to the
settings restarts it.

An open page follows the builds by itself: every HTML page is served with a small script
(plugins/authoring/livepreview.py), added as it is sent and never written into a file, that
reloads the page after each build that worked and shows a failed build's report over the page.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import sys
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "plugins"))

import build  # tools/build.py, found through sys.path above  # noqa: E402
import publishing  # noqa: E402
from authoring import livepreview  # noqa: E402
from pipeline import onepage  # noqa: E402
from search import glue as search  # noqa: E402
from search.later import BackgroundIndexing  # noqa: E402
from network.contentfiles import is_scratch  # noqa: E402
from network.build import SETTING as _BUILD_SETTING, write_whole  # noqa: E402  (SETTING: where a build keeps its model)
from network.resident import SETTING as _MEMOS_SETTING, ResidentMemos  # noqa: E402
from leftovers import Leftovers  # tools/leftovers.py  # noqa: E402


class Builds:
    """The latest build, set by the build loop and read by the threads serving open pages (one
    immutable state, replaced whole)."""

    def __init__(self):
        self.state = livepreview.first_state(f"{time.time_ns():x}")
        #: When an open page first asked for the latest build (time.monotonic); None: not yet.
        self.first_asked: float | None = None
        #: When an open page last asked (time.monotonic); None: no page has asked yet.
        self.last_asked: float | None = None

    def finished(self, ok: bool, report: str, text_only: bool = False) -> None:
        self.state = livepreview.next_state(self.state, ok, report, text_only)
        self.first_asked = None

    def asked(self) -> None:
        """An open page asked for the latest build."""
        self.last_asked = time.monotonic()
        if self.first_asked is None:
            self.first_asked = self.last_asked


class _PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the preview folder; HTML goes out with the live preview's script added."""

    # The server's own error pages (a page not built yet) follow the builds too.
    error_message_format = http.server.SimpleHTTPRequestHandler.error_message_format.replace(
        "</body>", livepreview.script_tag(None).decode() + "</body>")

    def __init__(self, *args, builds: Builds, **kwargs):
        self.builds = builds
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):  # one line per request would drown the build reports
        pass

    def do_GET(self):
        self._answer(send_body=True)

    def do_HEAD(self):
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        address = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if address == livepreview.STATE_ADDRESS:
            self.builds.asked()
            return self._send(livepreview.state_json(self.builds.state), "application/json", send_body)
        if address == livepreview.SCRIPT_ADDRESS:
            return self._send(livepreview.script(), "text/javascript; charset=utf-8", send_body)
        page = self._page_file(address)
        if page is None:  # not a page: a file as it is, a redirect, or a 404 page
            return super().do_GET() if send_body else super().do_HEAD()
        try:
            with open(page, "rb") as handle:
                body = handle.read()
        except OSError:  # replaced by a build between the look and the read
            return self.send_error(404)
        self._send(livepreview.inject(body, self.builds.state.build), "text/html; charset=utf-8", send_body,
                   {livepreview.PAGE_HEADER: livepreview.page_digest(body)})

    def _page_file(self, address: str) -> str | None:
        path = self.translate_path(address)
        if address.endswith("/") and os.path.isdir(path):
            path = os.path.join(path, "index.html")
        return path if path.endswith((".html", ".htm")) and os.path.isfile(path) else None

    def _send(self, body: bytes, content_type: str, send_body: bool, headers: dict | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")  # a reload always shows the latest build
        self.end_headers()
        if send_body:
            self.wfile.write(body)


def serve(folder: str, port: int, builds: Builds) -> http.server.ThreadingHTTPServer:
    """Serve ``folder`` in the background. The folder is replaced by each build; every request
    looks it up again, so it always sees the latest good build."""
    handler = functools.partial(_PreviewHandler, directory=folder, builds=builds)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def watched(settings_file: str, content: str | None) -> tuple[list[str], list[str]]:
    """(folders whose changes mean a rebuild, files and folders whose changes mean a restart)."""
    sys.path.insert(0, os.path.join(ROOT, "plugins"))
    from pelican.settings import read_settings

    settings = read_settings(settings_file, override={"PATH": content} if content else None)
    rebuild = [settings["PATH"], settings["THEME"]]
    restart = [os.path.abspath(settings_file), *[os.path.join(ROOT, name) for name in ("pelicanconf.py",
                                                                                      "publishconf.py")],
               *settings.get("PLUGIN_PATHS", [])]
    return [os.path.abspath(p) for p in rebuild], [os.path.abspath(p) for p in restart if os.path.exists(p)]


#: The content's text files: a change to them alone changes no stylesheet, script or picture.
_TEXT_FILES = (".md", ".yml", ".yaml")


def _text_only(paths: set[str], content: str) -> bool:
    """Whether only text files of the content folder changed (see livepreview.BuildState)."""
    inside = content.rstrip(os.sep) + os.sep
    return bool(paths) and all(path.startswith(inside) and path.endswith(_TEXT_FILES) for path in paths)


def _saved_at(paths) -> float | None:
    """When the newest of the changed files was saved (a deleted file has no time)."""
    times = []
    for path in paths:
        try:
            times.append(os.stat(path).st_mtime)
        except OSError:
            pass
    return max(times, default=None)


class LastBuild:
    """What the build loop keeps of the last build that worked, to make an edited page first
    (pipeline.onepage): its settings (without the build itself) and each page's document."""

    def __init__(self):
        self.settings: dict | None = None
        self.pages = None

    def keep(self, settings: dict, made) -> None:
        self.settings = {key: value for key, value in settings.items() if key != _BUILD_SETTING}
        self.pages = made.page_first

    def forget(self) -> None:
        """No page first until a build works again: it would hide the report of what is wrong."""
        self.pages = None


def _since_saved(saved_at: float) -> str:
    return f"{max(0.0, time.time() - saved_at):.1f} s after the file was saved"


def _page_first(paths: set[str], last: LastBuild, output: str, builds: Builds,
                saved_at: float | None) -> onepage.PageMadeFirst | None:
    """When one document's text was saved, show its page at once (see pipeline.onepage); the
    whole rebuild follows either way. What was made first, if anything."""
    edited = [path for path in paths if path.endswith(".md")]
    if last.pages is None or len(edited) != 1 or any(os.path.exists(p) for p in paths - set(edited)):
        return None
    try:
        made = _unless_building(output, lambda: onepage.page_first(edited[0], last.settings, last.pages, output))
    except Exception as exc:  # a bug here must not stop the preview: the whole rebuild follows
        print(f"(The page could not be made first: {exc.__class__.__name__}: {exc}.)", flush=True)
        return None
    if made is not None:
        waited = f" {_since_saved(saved_at)}" if saved_at else ""
        print(f"Page ready{waited}: {made.save_as.removesuffix('index.html')}. The rest of the preview follows.",
              flush=True)
        builds.finished(True, "", text_only=True)  # open pages other than this one stay as they are
    return made


def _put_back(made: onepage.PageMadeFirst, output: str) -> None:
    """The build after a page made first failed (the edit broke a link, say): the page goes back
    to what the last build that worked wrote, as the officer is told."""
    try:
        _unless_building(output, lambda: write_whole(os.path.join(output, made.save_as), made.before))
    except OSError:
        pass


def _unless_building(output: str, work):
    """``work()``, unless a build into ``output`` holds its lock (a `make html` into the same
    folder: that build's pages are newer); then None, at once."""
    from filelock import FileLock, Timeout

    try:
        with FileLock(publishing.lock_path(output), timeout=0):
            return work()
    except Timeout:
        return None


def _rebuild(args, overrides, builds: Builds, indexing: BackgroundIndexing, last: LastBuild, leftovers: Leftovers,
             saved_at: float | None = None, text_only: bool = False,
             made_first: onepage.PageMadeFirst | None = None) -> None:
    started = time.strftime("%H:%M:%S")
    print(f"\n[{started}] Building...", flush=True)
    indexing.cancel()  # one thing at a time writes into the preview
    kept: dict = {}
    code = build.build(args.settings, args.output, {**overrides, "SEARCH_INDEX_LATER": True, "PAGE_FIRST": True},
                       kept=kept)
    if code == 0 and saved_at is not None:
        # What the officer waits for: from pressing save to the page they can reload.
        print(f"Ready {_since_saved(saved_at)}.", flush=True)
    if code != 0:
        if made_first is not None:
            _put_back(made_first, os.path.abspath(args.output))
        print("The preview still shows the last build that worked. Fix the file above and save it again.",
              flush=True)
    record = publishing.read_build_record(os.path.abspath(args.output)) or {}
    builds.finished(code == 0, record.get("report") or "The build failed: see the terminal for why.", text_only)
    settings = kept.get("settings") or {}
    made = settings.get(_BUILD_SETTING)
    if code != 0 or made is None:
        last.forget()
    else:
        last.keep(settings, made)
        if made.search_index_later is not None:  # the search follows a moment later (see search.later)
            indexing.start(os.path.abspath(args.output), made.search_index_later, search.keep_unchanged)
    kept.clear()  # this function's own references to the build, dropped before it is freed
    settings = made = None
    leftovers.built()


def build_overrides(content: str | None) -> dict:
    """The settings every build of this process is given besides the settings file: the content
    folder, and the memos each build leaves in this process for the next (network.resident)."""
    return {**({"PATH": content} if content else {}), _MEMOS_SETTING: ResidentMemos()}


#: How long the file watcher waits for a change before it says it is waiting (milliseconds).
_QUIET_SPELL_MS = 250


def _changes(paths: list[str], ignored: tuple[str, ...]):
    """Each set of files saved together; an empty set after each quiet spell, the first of which
    says the watcher is running."""
    import watchfiles  # installed with Pelican

    # An editor's scratch files (a swap file, a backup, an autosave) are read by no build.
    return watchfiles.watch(*paths, debounce=200, step=50, rust_timeout=_QUIET_SPELL_MS, yield_on_timeout=True,
                            watch_filter=lambda _, path: not path.startswith(ignored) and not path.endswith(".pyc")
                            and not is_scratch(os.path.basename(path)))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default="preview")
    parser.add_argument("--content", help="the content folder (default: PATH in the settings)")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    content = os.path.abspath(args.content) if args.content else None
    overrides = build_overrides(content)
    output = os.path.abspath(args.output)
    rebuild_paths, restart_paths = watched(args.settings, content)
    builds = Builds()
    indexing = BackgroundIndexing(lambda said: print(said, flush=True))
    last, leftovers = LastBuild(), Leftovers(first_asked=lambda: builds.first_asked,
                                              last_asked=lambda: builds.last_asked)
    _rebuild(args, overrides, builds, indexing, last, leftovers)
    server = serve(output, args.port, builds)
    ignored = (output, f"{output}.previous", os.path.join(ROOT, ".cache"))
    watching = False
    try:
        for changes in _changes([*rebuild_paths, *restart_paths], ignored):
            if not watching:  # only now told to save: a save made before would go unseen
                print(f"Serving the preview on http://127.0.0.1:{args.port}/ (Ctrl+C stops). "
                      "Save a file and it is rebuilt.", flush=True)
                watching = True
            if not changes:
                leftovers.free_if_due()
                continue
            paths = {path for _, path in changes}
            if any(path.startswith(tuple(restart_paths)) for path in paths):
                print("\nThe settings or the plugins changed: restarting.", flush=True)
                indexing.cancel()
                server.shutdown()
                server.server_close()
                os.execv(sys.executable, [sys.executable, os.path.abspath(__file__), *sys.argv[1:]])
            names = ", ".join(sorted(os.path.relpath(p, ROOT) if p.startswith(ROOT) else p for p in paths)[:3])
            print(f"\nChanged: {names}{' ...' if len(paths) > 3 else ''}", flush=True)
            saved_at = _saved_at(paths)
            made_first = _page_first(paths, last, output, builds, saved_at)
            if made_first is not None:
                leftovers.free_after_page_first()
            leftovers.free_now()
            _rebuild(args, overrides, builds, indexing, last, leftovers, saved_at,
                     _text_only(paths, rebuild_paths[0]), made_first)
    except KeyboardInterrupt:
        pass
    indexing.cancel()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
