"""Connects the year-in-review pages to Pelican: the generator that describes them, and the
helper the theme's page calls to link to them."""

from network.generator import NetworkGenerator, Page
from network.model import Entity

from .years import year_links, year_reviews


class YearReviewsGenerator(NetworkGenerator):
    """Describes /themes/<id>/<year>/ for every theme and every year it has documents."""

    template_globals = {"year_links": year_links}  # theme.html links to the years

    def describe(self, network):
        for theme in network.themes.values():
            for review in year_reviews(theme, network.documents_of.get(Entity("theme", theme.id), [])):
                # The review is the whole page: its theme, and its documents as a list shows them.
                yield Page(f"{review.url}index.html", "theme_year", {"review": review},
                           inputs=("year in review", review), as_listed=True)


def register():
    YearReviewsGenerator.register()
