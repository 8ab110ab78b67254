"""sitetheme: the helpers our theme's templates call (addresses, labels, names), and
Jinja's autoescaping, which the theme's templates rely on.

Keeps logic out of the templates: each helper is a pure function in ``views``, registered as a
Jinja global when Pelican starts.
"""

import os
from functools import partial

from jinja2 import FileSystemBytecodeCache

from network.generator import set_template_globals
from network.urls import ENTITY_FOLDERS, archive_url, url_of
from pelican import signals
from pelican.urlwrappers import Category

from . import views


def add_template_helpers(pelican) -> None:
    helpers = pelican.settings.setdefault("JINJA_GLOBALS", {})
    helpers["url_of"] = url_of  # an entity's page
    helpers["folder_of"] = ENTITY_FOLDERS.get  # the list of a kind of entity: folder_of("theme")
    helpers["archive_url"] = archive_url  # the archive by date: archive_url(), archive_url(2025)
    filters = pelican.settings.setdefault("JINJA_FILTERS", {})
    filters["long_date"] = views.long_date
    filters["filesize"] = views.filesize
    environment = pelican.settings.setdefault("JINJA_ENVIRONMENT", {})
    # Every value an HTML or XML template prints is escaped: titles, names and venues are text.
    # HTML our code made (a document's body, a list of documents) comes as Markup and is kept.
    environment.setdefault("autoescape", views.escapes_template)
    if pelican.settings.get("CACHE_CONTENT"):
        # Compiled templates kept between builds (checked against each template's source): every
        # build compiled the whole theme again, once per generator.
        # A template compiles differently with escaping on or off: one folder for each choice.
        escaping = views.escaping_key(environment["autoescape"])
        folder = os.path.join(pelican.settings["CACHE_PATH"], "templates", escaping)
        os.makedirs(folder, exist_ok=True)
        environment.setdefault("bytecode_cache", FileSystemBytecodeCache(folder))


def add_network_helpers(network, generators) -> None:
    """Helpers that need the network model or keep what they made during one build; the
    templates are rendered after this runs."""
    document_lists = views.DocumentLists()  # the documents of this build
    set_template_globals(generators, author_name=partial(views.author_name, people=network.people),
                         document_list_html=document_lists)
    # The home page shows each category's size, not its documents: giving it only the sizes keeps
    # it from being rendered again whenever any document changes (see network.outputs).
    context = generators[0].context
    context["category_counts"] = [(category, len(items)) for category, items in context.get("categories", [])]
    settings = generators[0].settings
    present = {category.name for category, _ in context.get("categories", [])}
    empty = {Category(name, settings).url for name in settings.get("CATEGORY_BY_FOLDER", {}).values()
             if name not in present}
    context["menu_items"] = views.shown_menu(settings.get("MENU_ITEMS", ()), empty)


def register():
    signals.initialized.connect(add_template_helpers)
