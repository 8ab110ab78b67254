"""findable: what makes the site easy to find and to share.

Adds sitemap.xml (an index and parts over SITEMAP_MAX_URLS pages) listing every page the build
announced, robots.txt naming it, a 404 page with a search box and the latest documents, the
favicons and the picture of shared links drawn from the logo (SITE_LOGO), and the helper
base.html calls for each page's canonical address, Open Graph and Twitter card values.
A pure core builds the sitemap (``sitemap``) and the values (``social``); ``glue`` talks to Pelican.
"""

from pelican import signals

from .glue import FindableGenerator, note_page


def register():
    FindableGenerator.register()
    signals.content_written.connect(note_page)
