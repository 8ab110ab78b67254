"""A document's address and file (network.assemble.pelican_addresses) are the ones Pelican's own
properties give, for every kind of content object, drafts and addresses set by hand included."""

import copy
import datetime

import pytest
from pelican.contents import Article, Page
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Category

from network.assemble import pelican_addresses


def _settings():
    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings.update({"ARTICLE_URL": "{category}/{slug}/", "ARTICLE_SAVE_AS": "{category}/{slug}/index.html",
                     "DRAFT_URL": "drafts/{date:%Y}/{slug}/", "DRAFT_SAVE_AS": "drafts/{date:%Y}/{slug}/index.html",
                     "PAGE_URL": "{slug}/", "PAGE_SAVE_AS": "{slug}/index.html", "PATH": "/site/content",
                     "DRAFT_PAGE_URL": "drafts/pages/{slug}.html", "DRAFT_PAGE_SAVE_AS": "drafts/pages/{slug}.html"})
    return settings


def _content(klass, status="published", **more):
    settings = _settings()
    metadata = {"title": "Housing & hope", "date": datetime.datetime(2025, 3, 31, 9, 0), "status": status,
                "category": Category("Updates", settings), "slug": "2025-03-housing", **more}
    return klass("<p>Body</p>", metadata=metadata, settings=settings,
                 source_path="/site/content/updates/2025-03-housing.md")


@pytest.mark.parametrize("klass,status,more", [
    (Article, "published", {}), (Article, "draft", {}), (Article, "hidden", {}),
    (Page, "published", {}), (Page, "draft", {}), (Page, "hidden", {}),
    (Article, "published", {"url": "by-hand/", "save_as": "by-hand/index.html"}),
    (Article, "published", {"lang": "fr"}),
])
def test_the_same_address_and_file_as_pelicans_properties(klass, status, more):
    content = _content(klass, status, **more)
    assert pelican_addresses(content) == (content.url, content.save_as)
    assert all(pelican_addresses(content))
