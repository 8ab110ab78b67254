"""Pelican's category pages written in linear time: the same pages, from the same values."""

from types import SimpleNamespace

from pelican.generators import ArticlesGenerator
from speed.categories import write_categories


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
