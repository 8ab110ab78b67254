"""Addresses inside the site and links moved between pages, without a build (network.urls)."""

from network.model import Entity, Organisation, Person, Theme
from network.urls import ENTITY_FOLDERS, absolute, entity_url, from_rooted, page_base, public_siteurl, to_rooted, url_of


def test_every_entity_page_lives_in_its_kinds_folder():
    assert entity_url(Entity("person", "amy-ash")) == "people/amy-ash/"
    assert entity_url(Entity("organisation", "housing-trust")) == "organisations/housing-trust/"
    assert entity_url(Entity("theme", "housing")) == "themes/housing/"
    assert url_of(Person("amy-ash", "Amy Ash")) == "people/amy-ash/"
    assert url_of(Organisation("housing", "Housing Trust")) == "organisations/housing/"
    assert url_of(Theme("housing", "Housing")) == "themes/housing/"
    assert url_of(Entity("theme", "housing")) == "themes/housing/"
    assert set(ENTITY_FOLDERS) == {"person", "organisation", "theme"}


def test_links_of_a_fragment_become_site_rooted_from_its_page():
    fragment = ('<a href="../../people/amy-ash/">Amy</a> <a href="#action-2">2</a> <img src="../../images/x.png">'
                ' <a href="https://example.org/x">out</a> <a href="mailto:a@b.org">mail</a>')
    rooted = to_rooted(fragment, "minutes/2025-03-steering/")
    assert 'href="/people/amy-ash/"' in rooted
    assert 'href="/minutes/2025-03-steering/#action-2"' in rooted
    assert 'src="/images/x.png"' in rooted
    assert 'href="https://example.org/x"' in rooted and 'href="mailto:a@b.org"' in rooted


def test_absolute_site_links_in_production_are_rooted_too():
    siteurl = "https://cvmp.example.org"
    assert to_rooted(f'<a href="{siteurl}/themes/housing/">H</a>', "updates/x/", siteurl) == \
        '<a href="/themes/housing/">H</a>'
    assert to_rooted(f'<a href="{siteurl}">home</a>', "updates/x/", siteurl) == '<a href="/">home</a>'
    assert to_rooted('<a href="https://elsewhere.org/">x</a>', "updates/x/", siteurl) == \
        '<a href="https://elsewhere.org/">x</a>'


def test_a_relative_folder_link_keeps_its_slash():
    assert to_rooted('<a href="../other/">o</a>', "updates/x/") == '<a href="/updates/other/">o</a>'
    assert to_rooted("<a href='page.html'>p</a>", "updates/x/") == "<a href='/updates/x/page.html'>p</a>"


def test_rooted_links_are_written_for_the_page_that_shows_them():
    rooted = '<a href="/people/amy-ash/">Amy</a> <a href="//cdn.example.org/x">cdn</a>'
    assert from_rooted(rooted, "../..") == '<a href="../../people/amy-ash/">Amy</a> <a href="//cdn.example.org/x">cdn</a>'
    assert from_rooted(rooted, "https://cvmp.example.org/") == \
        '<a href="https://cvmp.example.org/people/amy-ash/">Amy</a> <a href="//cdn.example.org/x">cdn</a>'
    assert from_rooted(rooted, "").startswith('<a href="/people/amy-ash/">')


def test_feeds_and_emails_get_absolute_addresses():
    assert absolute('<a href="../../themes/housing/">H</a>', "updates/x/", "https://cvmp.example.org") == \
        '<a href="https://cvmp.example.org/themes/housing/">H</a>'


def test_a_pages_way_to_the_root_in_previews_and_production():
    preview = {"RELATIVE_URLS": True, "SITEURL": ""}
    assert page_base(preview, "index.html") == "."
    assert page_base(preview, "updates/x/index.html") == "../.."
    assert page_base({"RELATIVE_URLS": False, "SITEURL": "https://cvmp.example.org"}, "updates/x/index.html") == \
        "https://cvmp.example.org"


def test_feeds_link_to_the_public_site_even_from_a_preview():
    assert public_siteurl({"SITEURL": "https://cvmp.example.org/", "PUBLIC_SITEURL": "x"}) == "https://cvmp.example.org"
    assert public_siteurl({"SITEURL": "", "PUBLIC_SITEURL": "https://cvmp.example.org/"}) == "https://cvmp.example.org"
    assert public_siteurl({"SITEURL": "../..", "PUBLIC_SITEURL": "https://p.example.org"}) == "https://p.example.org"


def test_an_address_written_with_references_is_judged_as_a_browser_reads_it():
    obfuscated = '<a href="&#109;&#97;&#105;&#108;&#116;&#111;&#58;&#97;&#64;&#98;">a@b</a>'
    assert to_rooted(obfuscated, "updates/x/", "https://cvmp.example.org") == obfuscated
