"""speed: the writing layer, which makes a build cost what changed.

Page types describe their pages (``network.pages``); this layer decides, for each page, whether
the previous build's file can be kept (``reuse``, ``fingerprints``), renders it otherwise
(``writer``, Pelican's writer extended), and chooses the process that does it: Markdown is
converted on every core before Pelican reads (``reading``), and a helper process writes our
pages while Pelican writes the documents (``helper``). Only the pipeline calls it; no page type
imports it. See docs/speed.md.
"""

from pelican import signals

from .linear import skip_translation_grouping
from .writer import ReusingWriter


def _writer_class(pelican):
    return ReusingWriter


def register():
    signals.get_writer.connect(_writer_class)
    signals.initialized.connect(skip_translation_grouping)
