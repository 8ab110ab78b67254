"""What may stay of the HTML that Markdown makes from a document's body. Pure.

Markdown passes any HTML typed into a body straight through, so a pasted ``<script>``, an
``onerror=`` attribute or a ``javascript:`` link would reach every page, feed and e-mail the
body goes into. ``clean_body`` keeps what Markdown (with ``extra`` and ``sane_lists``) and our
plugins make, and removes everything else (nh3, an allow-list sanitiser):

- tags: text formatting, headings, lists, definition lists, tables, code, quotes, images,
  footnotes, ``details``; ``script``, ``style``, ``iframe``, ``object``, ``svg`` and the like go
  with everything inside them;
- attributes: ``id``, ``class``, ``title``, ``lang`` and ``dir`` anywhere (footnotes and
  ``{: #id .class}`` need them), a link's ``href``, an image's ``src``, ``alt`` and size, a
  table cell's alignment (``style`` with ``text-align`` only), our mention links' ``data-``;
  never an event handler (``onclick``...);
- addresses: ``http``, ``https``, ``mailto``, ``tel``, and relative ones, which include
  ``#footnote`` anchors and Pelican's ``{filename}...`` and ``{static}...`` links (replaced
  later by Pelican); a ``javascript:`` or ``data:`` address is dropped;
- comments are dropped. Links get no ``rel`` added, so an unchanged body gives the same output.

``removed_html`` names what the cleaning removes that a writer typed on purpose, so that the
build can say so (network.reader turns it into warnings with the lines). A site that needs
embeds (a video's ``<iframe>``) sets ``ALLOW_RAW_HTML = True`` and is not sanitised at all
(README, "Text and HTML").

A summary typed in the front matter is text with Markdown's formatting: ``text_markdown`` makes
a Markdown converter that shows HTML typed there as the characters typed.
"""

from __future__ import annotations

import re
from types import MappingProxyType

import nh3
from markdown import Markdown

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
#: What Markdown with ``extra`` makes, and the harmless formatting writers type as HTML.
ALLOWED_TAGS = frozenset(_HEADINGS | {
    "p", "br", "hr", "div", "span", "blockquote", "pre", "code", "kbd", "samp", "var",
    "a", "img", "figure", "figcaption",
    "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "q", "cite",
    "abbr", "dfn", "time", "wbr",
    "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    "details", "summary",
})

#: Removed together with everything inside them: their content is code or a foreign document,
#: never text meant for the reader.
DROPPED_WITH_CONTENT = frozenset({
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "noembed",
    "noframes", "template", "textarea", "select", "title", "xmp", "svg", "math",
})

#: The attributes kept on each tag ("*": on any tag): never an event handler, and style only
#: on table cells, where it is filtered down to text-align.
ALLOWED_ATTRIBUTES = MappingProxyType({tag: frozenset(names) for tag, names in {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang", "data-mention", "data-initials"},
    "img": {"src", "alt", "width", "height"},
    "th": {"style", "colspan", "rowspan", "scope", "headers", "abbr"},
    "td": {"style", "colspan", "rowspan", "headers"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "details": {"open"},
}.items()})

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

#: Built once: the allow-list is fixed, and building a cleaner costs more than cleaning a page.
_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(URL_SCHEMES),
    filter_style_properties={"text-align"},  # Markdown's aligned table columns
    strip_comments=True,
    link_rel=None,
)


def clean_body(fragment: str) -> str:
    """``fragment`` with only the allowed tags, attributes and addresses."""
    if not fragment:
        return fragment
    return _CLEANER.clean(fragment)


_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_EVENT_ATTRIBUTE = re.compile(r"(?<=[\s/\"'])(on[a-z]+)\s*=", re.IGNORECASE)
_SCRIPT_ADDRESS = re.compile(r"(?:href|src)\s*=\s*[\"']?\s*(javascript|vbscript|data):", re.IGNORECASE)


def removed_html(fragment: str) -> list[str]:
    """What ``clean_body`` removes from HTML that was typed on purpose, as typed ("<iframe",
    "onclick=", "javascript:"), each once, in order: the build says so rather than leaving a
    writer to wonder where their embed went. Attributes that only format (style, target) and
    comments are dropped without a word."""
    found: list[str] = []
    for tag in _TAG.finditer(fragment):
        name = tag.group(1).lower()
        pieces = [] if name in ALLOWED_TAGS else [f"<{name}"]
        pieces += [f"{match.group(1).lower()}=" for match in _EVENT_ATTRIBUTE.finditer(tag.group(2))]
        pieces += [f"{match.group(1).lower()}:" for match in _SCRIPT_ADDRESS.finditer(tag.group(2))]
        found += [piece for piece in pieces if piece not in found]
    return found


def text_markdown(settings_markdown: dict, markdown: Markdown | None = None) -> Markdown:
    """A Markdown converter for text fields (a summary): formatting and links work, and HTML
    typed into the text is shown as typed, never passed through as markup. ``markdown``: a
    converter made with the same settings and done with, to reuse (making one takes longer
    than converting a summary)."""
    if markdown is None:
        markdown = Markdown(**settings_markdown)
    else:
        markdown.reset()
    for name in ("html_block", "html"):
        for registry in (markdown.preprocessors, markdown.inlinePatterns):
            if name in registry:
                registry.deregister(name)
    return markdown
