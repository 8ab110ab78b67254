"""Connects the year-in-review pages to Pelican: the generator that describes them, and the
helper the theme's page calls to link to them."""

from network.generator import NetworkGenerator
from network.model import Entity
from network.pages import Page
from pelican import signals

from .years import year_reviews, years_of


class YearReviewsGenerator(NetworkGenerator):
    """Describes /themes/<id>/<year>/ for every theme and every year it has documents."""

    stage = "reviews: a year in review per theme"

    def describe(self, network):
        for theme in network.themes.values():
            documents = network.documents_of.get(Entity("theme", theme.id), [])
            for review in year_reviews(theme, documents):
                save_as = f"themes/{theme.id}/{review.year}/index.html"
                # The review is the whole page: its theme, its documents as a list shows them.
                yield Page(save_as, "theme_year", {"review": review},
                           inputs=("year in review", save_as, review), as_listed=True)


def add_generator(pelican):
    return YearReviewsGenerator


def add_template_helpers(pelican) -> None:
    pelican.settings.setdefault("JINJA_GLOBALS", {})["review_years"] = years_of


def register():
    signals.get_generators.connect(add_generator)
    signals.initialized.connect(add_template_helpers)
