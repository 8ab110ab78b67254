"""A plugin in the shape of the stock ones that post-process pages (sitemaps, minifiers, lazy
images): it listens to Pelican's ``content_written`` and notes each page it hears of, with the
process it heard it in, in the file named by the PAGES_SEEN environment variable."""

import os

from pelican import signals


def _seen(path, context):
    with open(os.environ["PAGES_SEEN"], "a", encoding="utf-8") as handle:
        handle.write(f"{os.getpid()} {os.path.relpath(path, context['OUTPUT_PATH'])}\n")


def register():
    signals.content_written.connect(_seen)
