"""linkgate: no broken link ships.

Adds the link gate at the end of every build (``glue.check_links``, called by the pipeline after
the last gate, before the site is put in place): every link, image and anchor of every page,
feed, e-mail and the calendar that points into the site must name a file of the new site, and a
``#fragment`` an id on its page; a directory entry's ``url`` into the site likewise. External
addresses are never fetched. A broken link fails the build with one problem per link, named by
the document or directory entry it can be fixed in. The pure core (``links``: reading links and
ids, resolving and checking them) and the report (``report``) are tested without a build; what
each page held is kept between builds (``scan``), so a warm rebuild reads only new pages.
"""


def register():
    """Nothing to connect: the pipeline calls the gate in its place (see pipeline.order)."""
