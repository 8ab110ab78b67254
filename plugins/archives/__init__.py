"""archives: every document by date, at /archives/, /<year>/ and /<year>/<month>/.

Adds the archive's page (every year with its count and its twelve months, and the newest
documents), and a page for each year and each month with documents, cut into numbered parts
(``<year>/page/2/``) so that no page grows with the archive. They replace Pelican's own archives
(which list every document on one page) at the same addresses. A pure view (``periods``), a
generator that describes the pages (``glue``) and two templates (``archives.html``,
``archive_period.html``).
"""

from .glue import register  # noqa: F401
