"""Pelican's steps done with less work give Pelican's results: the same category pages from the
same values, documents in the same order without the grouping by slug, and each document's page
written with the same values when its address comes from the model."""

import random
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

from pelican.generators import ArticlesGenerator
from pelican.utils import order_content, process_translations
from speed.linear import NewestFirst, write_categories, write_documents


class Article:  # Pelican's content objects compare by identity, as these do
    def __init__(self, number):
        self.number = number


def generator_with(categories, dates):
    return SimpleNamespace(get_template=lambda name: f"template:{name}", categories=categories, dates=dates,
                           context={"SITENAME": "x"}, articles=list(dates))


def test_each_category_page_is_written_with_the_values_pelican_gives_it():
    articles = [Article(n) for n in range(30)]
    dates = articles[::-1]  # newest first
    categories = [(SimpleNamespace(name=name, slug=name, save_as=f"{name}/index.html", url=f"{name}/",
                                   page_name=name), members)
                  for name, members in (("updates", articles[::3]), ("minutes", articles[1::3] + articles[2:9:3]))]
    pelicans, ours = [], []
    ArticlesGenerator.generate_categories(generator_with(categories, dates),
                                          lambda *args, **values: pelicans.append((args, values)))
    write_categories(generator_with(categories, dates), lambda *args, **values: ours.append((args, values)))
    assert ours == pelicans
    minutes_dates = [a.number for a in ours[1][1]["dates"]]
    assert minutes_dates == sorted(minutes_dates, reverse=True) and len(minutes_dates) == len(set(minutes_dates))


class Dated:
    def __init__(self, number, date, slug):
        self.number, self.date, self.slug = number, date, slug
        self.lang, self.in_default_lang, self.metadata, self.source_path = "en", True, {}, f"{number}.md"


def test_without_the_translation_grouping_documents_come_in_pelicans_order():
    rng = random.Random(4)
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    # Few dates and few slugs: many documents share a date, a slug (updates/x and briefings/x) or both.
    read = [Dated(n, start + timedelta(days=rng.randrange(5)), rng.choice("abcdef")) for n in range(300)]
    originals, translations = process_translations(list(read), translation_id="slug")
    pelicans = order_content(originals, "reversed-date")
    ours, none = process_translations(list(read), translation_id=None)
    ours = order_content(ours, NewestFirst)
    assert translations == none == []
    assert [d.number for d in ours] == [d.number for d in pelicans]


class Addressed:
    """A content object that works its address out on every access, as Pelican's do."""

    template, category = "article", "updates"

    def __init__(self, number, with_model=True):
        self.computed = 0
        self.doc = SimpleNamespace(url=f"updates/{number}/", save_as=f"updates/{number}/index.html") if with_model else None

    @property
    def url(self):
        self.computed += 1
        return self.doc.url if self.doc else "updates/plain/"

    @property
    def save_as(self):
        self.computed += 1
        return self.doc.save_as if self.doc else "updates/plain/index.html"


def test_each_document_page_is_written_with_the_values_pelican_gives_it():
    articles, hidden = [Addressed(n) for n in range(5)] + [Addressed(9, with_model=False)], [Addressed(7)]
    hidden[0].override_save_as = "elsewhere/index.html"  # written over by Pelican's rules, as before
    generator = SimpleNamespace(get_template=lambda name: f"template:{name}", context={"SITENAME": "x"},
                                translations=[], articles=articles, hidden_translations=[], hidden_articles=hidden)
    pelicans, ours = [], []
    ArticlesGenerator.generate_articles(generator, lambda *args, **values: pelicans.append((args, values)))
    write_documents(generator, lambda *args, **values: ours.append((args, values)))
    assert ours == pelicans and len(ours) == 7
    # Pelican's addresses are worked out again only for a document the model does not hold.
    assert [article.computed for article in articles + hidden] == [2, 2, 2, 2, 2, 4, 2]
