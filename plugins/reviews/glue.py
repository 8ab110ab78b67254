"""Connects the year pages to Pelican: the generator that describes them."""

from network.generator import NetworkGenerator, Page
from network.listings import ENTRIES_PER_PAGE
from network.model import Entity

from .years import year_reviews


class YearReviewsGenerator(NetworkGenerator):
    """Describes /<people|organisations|themes>/<id>/<year>/ (and its further parts) for every
    public person, organisation and theme and every year with something to list."""

    stage = "reviews: year pages"

    def describe(self, network):
        per_page = self.settings.get("LIST_PAGE_SIZE", ENTRIES_PER_PAGE)
        kinds = (("person", [p for p in network.people.values() if p.public]),
                 ("organisation", list(network.organisations.values())), ("theme", list(network.themes.values())))
        for kind, items in kinds:
            for item in items:
                entity = Entity(kind, item.id)
                meetings = [entry[0] for entry in network.meetings_of.get(item.id, [])] if kind == "person" \
                    else network.meetings_by_body.get(item.id, []) if kind == "organisation" else []
                reviews = year_reviews(entity, item, network.documents_of.get(entity, []), per_page,
                                       meetings, network.actions_of.get(entity, []))
                for review in reviews:
                    # The review is the whole page: its entity, and what it lists as a list shows it.
                    yield Page(review.part.save_as, "year_review", {"review": review},
                               inputs=("year in review", review), as_listed=True)


def register():
    YearReviewsGenerator.register()
