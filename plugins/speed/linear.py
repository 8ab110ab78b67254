"""Two of Pelican's steps that grow with the square of the documents, done in linear time, with
the same result.

- Its category pages: Pelican finds each category's documents in date order by testing every
  document for membership in the category's list (``article in articles``): 0.9 s of every
  build at 10,000 documents, four times that at 20,000. Here, one pass over the dates per category.
- Its search for translations: it groups documents by slug, then looks every document up in a
  list of the originals (0.8 s at 10,000). This site has no translations (the reader gives no
  ``lang`` and no ``translation``), so every document is an original; without the grouping, the
  order Pelican's sort by slug gave to documents of the same date is kept by ``NewestFirst``.
"""

from __future__ import annotations

import functools
import logging

from pelican.generators import ArticlesGenerator
from pelican.writers import FileOverwriteFailedError

logger = logging.getLogger(__name__)


def write_categories_linearly(generators) -> None:
    """Give each of Pelican's article generators the linear way of writing its categories (its
    ``generate_pages`` and our helper's lists both call ``generate_categories``)."""
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            generator.generate_categories = functools.partial(write_categories, generator)


def write_categories(generator, write) -> None:
    """Pelican's ``ArticlesGenerator.generate_categories``, the same pages from the same values."""
    template = generator.get_template("category")
    for category, articles in generator.categories:
        members = {id(article) for article in articles}  # Pelican's content objects compare by identity
        dates = [article for article in generator.dates if id(article) in members]
        try:
            write(category.save_as, template, generator.context, url=category.url, category=category,
                  articles=articles, dates=dates, template_name="category", blog=True,
                  page_name=category.page_name, all_articles=generator.articles)
        except FileOverwriteFailedError:
            if category.slug:
                logger.error('Failed to write Category page for "%s".', category)
                raise
            logger.info('Category "%s" has an invalid slug; skipping writing category page...', category)


def skip_translation_grouping(pelican) -> None:
    """At start-up (``initialized``): no grouping by slug, and documents newest first, the same
    date by slug, as Pelican orders them after grouping. Settings that ask for something else
    (translations by another key, another order) are left as they are."""
    settings = pelican.settings
    if settings.get("ARTICLE_TRANSLATION_ID") == "slug" and settings.get("ARTICLE_ORDER_BY") == "reversed-date":
        settings["ARTICLE_TRANSLATION_ID"] = None
        settings["ARTICLE_ORDER_BY"] = NewestFirst


class NewestFirst:
    """A sort key: newest first; on the same date, by slug; then in the order read (the sort is
    stable), which is Pelican's order when it has grouped by slug first."""

    __slots__ = ("date", "slug")

    def __init__(self, content):
        self.date, self.slug = content.date, content.slug

    def __lt__(self, other: NewestFirst) -> bool:
        return self.date > other.date or (self.date == other.date and self.slug < other.slug)
