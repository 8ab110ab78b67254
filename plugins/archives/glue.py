"""Connects the archive's pages to Pelican: the generator that describes them."""

from network.generator import NetworkGenerator, Page
from network.listings import ENTRIES_PER_PAGE, LATEST_SHOWN
from network.urls import ARCHIVES_URL

from .periods import archive


class ArchivesGenerator(NetworkGenerator):
    """Describes /archives/ and every part of every year's and month's page."""

    def describe(self, network):
        per_page = self.settings.get("LIST_PAGE_SIZE", ENTRIES_PER_PAGE)
        summary, parts = archive(network.documents, per_page, self.settings.get("LIST_LATEST", LATEST_SHOWN))
        # Each page is all it shows: counts, and its documents as a list shows them. A new
        # document renders the summary, its year's and its month's pages, not the other years.
        yield Page(f"{ARCHIVES_URL}index.html", "archives", {"summary": summary},
                   inputs=("archive", summary), as_listed=True)
        for period in parts:
            yield Page(period.part.save_as, "archive_period", {"period": period},
                       inputs=("archive period", period), as_listed=True)


def register():
    ArchivesGenerator.register()
