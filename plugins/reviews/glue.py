"""Connects the year-in-review pages to Pelican: the generator that describes them."""

from network.generator import NetworkGenerator, Page
from network.listings import ENTRIES_PER_PAGE
from network.model import Entity

from .years import year_reviews


class YearReviewsGenerator(NetworkGenerator):
    """Describes /themes/<id>/<year>/ (and its further parts) for every theme and every year it
    has documents."""

    stage = "reviews: a theme's years"

    def describe(self, network):
        per_page = self.settings.get("LIST_PAGE_SIZE", ENTRIES_PER_PAGE)
        for theme in network.themes.values():
            for review in year_reviews(theme, network.documents_of.get(Entity("theme", theme.id), []), per_page):
                # The review is the whole page: its theme, and its documents as a list shows them.
                yield Page(review.part.save_as, "theme_year", {"review": review},
                           inputs=("year in review", review), as_listed=True)


def register():
    YearReviewsGenerator.register()
