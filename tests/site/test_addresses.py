"""The pages the site makes at fixed addresses are the ones the address check knows (network.addresses),
so a document can never be given one of them."""

import os
import re

import pytest

import pelicanconf
from network.addresses import SITE_PAGES

pytestmark = pytest.mark.build


def test_every_fixed_page_the_check_knows_is_built(built_site):
    for save_as in SITE_PAGES:
        assert os.path.isfile(os.path.join(built_site.output, save_as)), save_as


def test_every_top_level_address_of_the_site_is_known_to_the_check(built_site):
    """A plugin that starts writing a new section (such as /events/) must add it to SITE_PAGES."""
    known = {save_as.split("/")[0] for save_as in SITE_PAGES} | {"index.html", "theme"}
    known |= {name.lower() for name in pelicanconf.CATEGORY_BY_FOLDER.values()}
    known |= set(pelicanconf.STATIC_PATHS)
    pages = {name.removesuffix(".md") for name in os.listdir(os.path.join(os.path.dirname(pelicanconf.__file__),
                                                                          "content", "pages"))}
    for name in os.listdir(built_site.output):
        assert name in known or name in pages or re.fullmatch(r"\d{4}", name), name
