"""feeds: follow the whole site, or one category, theme, organisation or person.

Writes RSS 2.0 and Atom 1.0 with feedgen (Pelican's own feeds are switched off) for the site,
every category, theme, organisation and public person, with absolute links, stable ids,
enclosures for attachments, and a readable /feeds/ page listing them all.
"""

from .glue import register  # noqa: F401
