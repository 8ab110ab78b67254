"""Preview the site while you write: serve it, and rebuild it whenever a file changes.

    python tools/devserver.py [--settings pelicanconf.py] [--output preview] [--content content] [--port 8000]

Every rebuild is the same safe build as `make html` (tools/build.py): a build with mistakes
prints them and leaves the last good preview in place, and pages whose inputs did not change
are reused, so a rebuild after one edit takes a fraction of a full build. The process stays up
between rebuilds, so Python and the plugins load once; a change to the plugins' code or to the
settings restarts it.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import build  # tools/build.py, found through sys.path above


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # one line per request would drown the build reports
        pass


def serve(folder: str, port: int) -> http.server.ThreadingHTTPServer:
    """Serve ``folder`` in the background. The folder is replaced by each build; every request
    looks it up again, so it always sees the latest good build."""
    handler = functools.partial(_QuietHandler, directory=folder)
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


def _rebuild(args, overrides) -> None:
    started = time.strftime("%H:%M:%S")
    print(f"\n[{started}] Building...", flush=True)
    code = build.build(args.settings, args.output, dict(overrides))
    if code != 0:
        print("The preview still shows the last build that worked. Fix the file above and save it again.",
              flush=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default="preview")
    parser.add_argument("--content", help="the content folder (default: PATH in the settings)")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    import watchfiles  # installed with Pelican

    content = os.path.abspath(args.content) if args.content else None
    overrides = {"PATH": content} if content else {}
    output = os.path.abspath(args.output)
    rebuild_paths, restart_paths = watched(args.settings, content)
    _rebuild(args, overrides)
    server = serve(output, args.port)
    print(f"Serving the preview on http://127.0.0.1:{args.port}/ (Ctrl+C stops). "
          "Save a file and it is rebuilt.", flush=True)
    ignored = (output, f"{output}.previous", os.path.join(ROOT, ".cache"))
    try:
        for changes in watchfiles.watch(*rebuild_paths, *restart_paths, debounce=200, step=50,
                                        watch_filter=lambda _, path: not path.startswith(ignored)
                                        and not path.endswith((".pyc", "~", ".swp"))):
            paths = {path for _, path in changes}
            if any(path.startswith(tuple(restart_paths)) for path in paths):
                print("\nThe settings or the plugins changed: restarting.", flush=True)
                server.shutdown()
                server.server_close()
                os.execv(sys.executable, [sys.executable, os.path.abspath(__file__), *sys.argv[1:]])
            names = ", ".join(sorted(os.path.relpath(p, ROOT) if p.startswith(ROOT) else p for p in paths)[:3])
            print(f"\nChanged: {names}{' ...' if len(paths) > 3 else ''}", flush=True)
            _rebuild(args, overrides)
    except KeyboardInterrupt:
        pass
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
