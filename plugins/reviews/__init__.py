"""reviews: a page per year for every person, organisation and theme, at /<folder>/<id>/<year>/.

For each entity and each year with something involving it: what was published, month by month
(over numbered parts when a year holds more than LIST_PAGE_SIZE documents), and that year's
meetings and actions, with links to every other year; the entity's page links to each year, so
it can stay a short summary however long the archive grows. It is the worked example
of docs/adding-a-page.md: a pure view (``years``), a generator that describes its pages
(``glue``) and one template (``year_review.html``).
"""

from .glue import register  # noqa: F401
