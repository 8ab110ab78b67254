"""reviews: a year in review for every theme, at /themes/<id>/<year>/.

For each theme and each year with documents about it: what was published, month by month (over
numbered parts when a year holds more than LIST_PAGE_SIZE documents), with links to every other
year; the theme's page links to each year. It is the worked example of docs/adding-a-page.md: a
pure view (``years``), a generator that describes its pages (``glue``) and one template
(``theme_year.html``).
"""

from .glue import register  # noqa: F401
