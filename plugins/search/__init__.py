"""search: a search box in every page's header and a /search/ page, by Pagefind.

The build indexes the new site with Pagefind (its binary comes with the ``pagefind`` package, so
``make publish`` needs nothing else) before the last gate reads it: the index is a set of static
files, searched in the reader's browser. Documents, pages and the pages of people, organisations
and themes are indexed (``data-pagefind-body``); lists and archives are not. Each indexed page
carries its filters from the model (``filters``): category, year, and every theme, organisation
and public person it involves, so "Kingsway" finds the organisation's page and every document
about it, and a reader can narrow the results to one theme or person. Private people and drafts
have no page and no filter, and the last gate reads the index's files. The index is in parts (the
directory's pages, and each year of documents: ``shards``), so that an edit makes again only the
parts whose pages changed.
"""

from .glue import register  # noqa: F401
