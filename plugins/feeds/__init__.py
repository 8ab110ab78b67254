"""feeds: follow the whole site, or one category, theme, organisation or person.

Writes RSS 2.0 and Atom 1.0 with feedgen (Pelican's own feeds are switched off) for the site,
every category, theme, organisation and public person, with absolute links, stable ids,
enclosures for attachments; /feeds/feeds.opml, every feed in one OPML 2.0 file to import into a
reader at once; a /feeds/ page a subscriber reads first (what a feed is, other ways to follow,
the kinds of feed most people follow first: the site's, the themes', organisations' and people's,
the categories') and A-to-Z lists of organisations' and people's feeds
(/feeds/organisations/, /feeds/people/) in parts that never grow with the directory.
"""

from .glue import register  # noqa: F401
