"""Connects the linker, the indexes and the entity pages to the build: the steps the pipeline
calls, and the generator of entity pages."""

from __future__ import annotations

import functools
import logging
import os
import pickle

from network.build import write_whole, site_today
from network.generator import NetworkGenerator, contents_with_documents
from network.listings import ENTRIES_PER_PAGE, LATEST_SHOWN, by_year
from network.model import Entity
from network.pages import Page
from network.resident import resident_memos
from network.versions import code_of
from network.urls import ENTITY_FOLDERS, entity_url, page_base, url_of

from . import entities, structured
from .activity import activity_chart, documents_per_quarter, most_active
from .index import record_involvement
from .linkcache import LinkCache, names_fingerprint
from .linker import link_mentions
from .names import meeting_initials, present_people
from .related import RelatedMemo, related_for_all

logger = logging.getLogger(__name__)

def link_documents(network, generators, problems) -> None:
    """Link every mention of a public entry in every document; record who each one involves."""
    settings = generators[0].settings
    names = network.directory.names
    every = settings["LINK_MENTIONS"] == "every"
    cache = LinkCache(os.path.join(settings["CACHE_PATH"], "links.pickle") if settings.get("CACHE_CONTENT") else None,
                      names_fingerprint(names, code_of(settings)), memos=resident_memos(settings))
    entity = functools.lru_cache(maxsize=None)(Entity)  # one of each, however many mention it
    for content in contents_with_documents(generators):
        document = content.doc
        # The meeting's initials, kept on the model for the minutes plugin's action owners;
        # linked in the text of minutes only.
        document.initials, shared_initials = meeting_initials(document.meeting, network.directory)
        initials = initials_in_text(document, settings)
        if document.category == settings["MINUTES_CATEGORY"]:
            for letters, ids in shared_initials.items():
                problems.warning(document.path, f"the initials {letters} belong to more than one person at "
                                 f"this meeting ({', '.join(ids)}), so they are not linked.",
                                 key="meeting", hint="Write the name of the person you mean where it matters.")
        key = cache.key(document.body, page_base(settings, document.save_as), every, initials, present_people(document))
        kept = cache.get(key)
        if kept is None:
            kept = link_body(document, document.body, names, settings, document.save_as).compact()
            cache.put(key, kept)
        document.body, counted, document.uses_initials = kept
        if not document.is_page:
            record_involvement(document, [(entity(kind, id_), count) for kind, id_, count in counted], network)
    cache.save()


def initials_in_text(document, settings) -> dict:
    """The initials linked in a document's text: a meeting's, in minutes only."""
    return document.initials if document.category == settings["MINUTES_CATEGORY"] else {}


def link_body(document, body: str, names, settings, save_as: str):
    """``body`` of ``document`` with its mentions linked, for the page written at ``save_as``
    (``linker.link_mentions``'s result). Also used to link one page again in the devserver
    (pipeline.onepage)."""
    base = page_base(settings, save_as)
    return link_mentions(body, names, lambda target: f"{base}/{entity_url(target)}",
                         every_mention=settings["LINK_MENTIONS"] == "every",
                         initials=initials_in_text(document, settings), present=present_people(document))


def add_related_documents(network, generators) -> None:
    """Related documents: only a document's own page shows them. Worked out again only where
    the content changed since the last build (see ``related``), from a memo in the cache."""
    settings = generators[0].settings
    memo_file = os.path.join(settings["CACHE_PATH"], "related.pickle") if settings.get("CACHE_CONTENT") else None
    related, memo, afresh = related_for_all(network, settings["RELATED_DOCUMENTS_COUNT"], _read_memo(memo_file))
    logger.info("Related documents worked out afresh for %d of %d documents.", afresh, len(network.documents))
    for content in contents_with_documents(generators):
        if not content.doc.is_page:
            content.related = related[content.doc.key]
    if memo_file is not None and afresh:
        write_whole(memo_file, pickle.dumps(memo, protocol=pickle.HIGHEST_PROTOCOL))


def _read_memo(path: str | None) -> RelatedMemo | None:
    """The last build's memo; None if there is none or it cannot be read (it is only a shortcut)."""
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            memo = pickle.load(handle)
    except Exception:  # missing, cut short, or from other code: work everything out
        return None
    return memo if isinstance(memo, RelatedMemo) else None


def fill_document_page(values) -> None:
    """The involved entities and JSON-LD of a document page about to be rendered. They follow
    from the document and the directory alone, which its digest covers, so a page kept from the
    last build never needs them."""
    article = values.get("article")
    document = getattr(article, "doc", None)
    if document is None or document.is_page or hasattr(article, "json_ld"):
        return
    network, settings = article._context["network"], article.settings
    article.involved = entities.involved_entities(network, document)
    article.json_ld = structured.document_scripts(document, network, settings["SITEURL"], settings["SITENAME"])


def add_recent_activity(network, generators) -> None:
    """The themes most written about lately, for the home page."""
    generators[0].context["active_themes"] = most_active(network, "theme", site_today(generators[0].settings))


class EntityPagesGenerator(NetworkGenerator):
    """Writes /people/, /organisations/, /themes/ and a page for every public entity."""

    stage = "crosslinks: writing entity pages"

    def describe(self, network):
        folders = ENTITY_FOLDERS
        yield Page(f"{folders['person']}index.html", "people", {"groups": entities.people_by_organisation(network)})
        yield Page(f"{folders['organisation']}index.html", "organisations",
                   {"groups": entities.organisations_by_kind(network)})
        yield Page(f"{folders['theme']}index.html", "themes", {"themes": entities.themes_with_counts(network)})
        # Each kind's meetings by id, JSON-LD data and page view; themes have neither meetings nor
        # JSON-LD of their own.
        kinds = {
            "person": (network.meetings_of, structured.person_data, entities.person_page),
            "organisation": (network.meetings_by_body, structured.organisation_data, entities.organisation_page),
            "theme": (None, None, entities.theme_page),
        }
        for kind, items in network.entries_with_pages():
            meetings, data_of, page_of = kinds[kind]
            for item in items:
                yield self._entity_page(network, Entity(kind, item.id), item, meetings, data_of, page_of)
                yield from self._every_document(network, Entity(kind, item.id), item)

    def _entity_page(self, network, entity, item, meetings, data_of, page_of) -> Page:
        latest, per_page = self._list_sizes()
        siteurl, today, save_as = self.settings["SITEURL"], site_today(self.settings), f"{url_of(item)}index.html"
        # A page shows its entity (the directory is part of every page's inputs), its documents
        # (companions and groups follow from them), its meetings and its actions, and nothing else.
        inputs = () if meetings is None else (meetings.get(item.id), network.actions_of.get(entity))

        def values():
            made = {"entity_page": page_of(network, item.id, latest, per_page), "activity": activity_chart(
                documents_per_quarter(network.documents_of.get(entity, []), today), item.name)}
            if data_of is not None:
                made["json_ld"] = [structured.to_script(structured.with_context(data_of(item, network, siteurl)))]
            return made

        return Page(save_as, entity.kind, values, as_listed=True, inputs=(
            "entity page", entity.kind, save_as, entity, latest, per_page, network.documents_of.get(entity, []),
            *inputs))

    def _every_document(self, network, entity, item):
        """The pages listing every document of a person or organisation whose own page shows
        only the newest, newest first, a heading per year."""
        latest, per_page = self._list_sizes()
        for part in entities.document_parts(entity, network.documents_of.get(entity, []), latest, per_page):
            # The values are made only for a page that is rendered (most are kept after an edit).
            yield Page(part.save_as, "entity_documents", functools.partial(_every_document_values, item, entity, part),
                       inputs=("every document", entity, part), as_listed=True)

    def _list_sizes(self) -> tuple[int, int]:
        return self.settings.get("LIST_LATEST", LATEST_SHOWN), self.settings.get("LIST_PAGE_SIZE", ENTRIES_PER_PAGE)


def _every_document_values(item, entity, part) -> dict:
    return {"item": item, "entity": entity, "part": part, "years": by_year(part.entries, lambda d: d.date)}


def register():
    EntityPagesGenerator.register()
