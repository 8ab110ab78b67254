"""Two documents, or a document and a page the site makes, never share an address."""

from datetime import datetime
from types import SimpleNamespace

from network.addresses import SITE_PAGES, Claim, address_clashes, claims_of, is_not_pelicans_slug_warning
from network.yamltext import load_yaml

SETTINGS = {"DIRECT_TEMPLATES": ["index"], "INDEX_SAVE_AS": "index.html"}


def document(path, save_as, slug_line=None):
    return Claim(save_as, save_as.removesuffix("index.html"), path, slug_line)


def messages(claims):
    return [p.format() for p in address_clashes(claims)]


def test_distinct_addresses_are_fine():
    assert messages([document("content/updates/a.md", "updates/a/index.html"),
                     document("content/briefings/a.md", "briefings/a/index.html")]) == []


def test_two_documents_with_one_address_name_both_files():
    assert messages([document("content/updates/my-update.md", "updates/my-update/index.html"),
                     document("content/updates/My Update.md", "updates/my-update/index.html")]) == [
        "content/updates/my-update.md: has the address updates/my-update/, which content/updates/My Update.md has "
        "too. Rename one of the two files, or give one of them a 'slug:' of its own."]


def test_addresses_differing_only_in_capitals_clash():
    assert messages([document("content/updates/b.md", "updates/My-Update/index.html"),
                     document("content/updates/a.md", "updates/my-update/index.html")]) == [
        "content/updates/b.md: has the address updates/My-Update/, which content/updates/a.md has too, written "
        "updates/my-update/ (capitals do not count). Rename one of the two files, or give one of them a 'slug:' of "
        "its own."]


def test_the_document_that_chose_its_address_with_slug_is_the_one_reported_at_that_line():
    assert messages([document("content/updates/a.md", "updates/march/index.html", slug_line=5),
                     document("content/updates/march.md", "updates/march/index.html")]) == [
        "content/updates/a.md, line 5, key 'slug': has the address updates/march/, which content/updates/march.md "
        "has too. Change 'slug:' to an address of its own."]


def test_three_documents_give_two_problems_naming_the_same_first():
    found = messages([document(f"content/updates/{name}.md", "updates/x/index.html") for name in "cab"])
    assert [text.split(":")[0] for text in found] == ["content/updates/b.md", "content/updates/c.md"]
    assert all("which content/updates/a.md has too" in text for text in found)


def test_a_page_cannot_take_the_address_of_a_page_the_site_makes():
    site = Claim("people/index.html", "people/", SITE_PAGES["people/index.html"], is_document=False)
    assert messages([document("content/pages/people.md", "people/index.html", slug_line=3), site]) == [
        "content/pages/people.md, line 3, key 'slug': has the address people/, which is the address of the list of "
        "people. Give the document an address of its own: change 'slug:' (or, without one, rename the file)."]


def content(path, save_as, front_matter="title: A\n", date=datetime(2025, 3, 14)):
    # The model's document carries the addresses Pelican made (see assemble.build_model).
    document = SimpleNamespace(save_as=save_as, url=save_as.removesuffix("index.html"))
    return SimpleNamespace(doc=document, source_path=f"/abs/{path}", date=date,
                           metadata={"front_matter": load_yaml(front_matter, path, first_line=2),
                                     "display_path": path})


def test_claims_are_read_from_every_written_group_and_the_sites_own_pages():
    category = SimpleNamespace(save_as="updates/index.html", url="updates/", name="Updates")
    articles = SimpleNamespace(
        articles=[content("content/updates/a.md", "updates/a/index.html")],
        hidden_articles=[], translations=[],
        drafts=[content("content/updates/draft.md", "updates/index.html")],  # never written
        categories=[(category, [])])
    pages = SimpleNamespace(pages=[content("content/pages/updates.md", "updates/index.html", "slug: updates\n"),
                                   content("content/pages/a.md", "2025/index.html"),
                                   content("content/pages/b.md", "2025/03/index.html"),
                                   content("content/pages/c.md", "2024/index.html"),
                                   content("content/pages/all.md", "archives/index.html")],
                            hidden_pages=[])
    assert messages(claims_of([articles, pages, SimpleNamespace()], SETTINGS)) == [
        "content/pages/a.md: has the address 2025/, which is the address of the archive of 2025. Give the document "
        "an address of its own: change 'slug:' (or, without one, rename the file).",
        "content/pages/all.md: has the address archives/, which is the address of the archive of every document. "
        "Give the document an address of its own: change 'slug:' (or, without one, rename the file).",
        "content/pages/b.md: has the address 2025/03/, which is the address of the archive of March 2025. Give the "
        "document an address of its own: change 'slug:' (or, without one, rename the file).",
        "content/pages/updates.md, line 2, key 'slug': has the address updates/, which is the address of the list "
        "of Updates. Give the document an address of its own: change 'slug:' (or, without one, rename the file).",
    ]


def test_pelicans_own_slug_warning_is_left_to_the_clash_report():
    def record(msg):
        return SimpleNamespace(msg=msg)

    assert not is_not_pelicans_slug_warning(record('There are %s items "%s" with lang %s'))
    assert not is_not_pelicans_slug_warning(record("There are %s original (not translated) items %s"))
    assert is_not_pelicans_slug_warning(record("Could not process %s"))
