"""Pelican's steps made linear give Pelican's results: the same category pages from the same
values, and documents in the same order without the grouping by slug."""

import random
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

from pelican.generators import ArticlesGenerator
from pelican.utils import order_content, process_translations
from speed.linear import NewestFirst, write_categories


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
