"""Site settings: every default lives here (README, 'Settings', explains each one).

Production overrides (the public address, absolute links) live in publishconf.py.
"""

import os

SITENAME = "Calder Valley Migration Partnership"
SITESUBTITLE = "News, briefings and minutes from the partnership"
SITEURL = ""  # development builds use relative links; publishconf.py sets the real address
#: The public address of the site. Production uses it as SITEURL; feeds and e-mails always use
#: it, so they carry absolute links even when built from a preview.
PUBLIC_SITEURL = "https://cvmp.example.org"
RELATIVE_URLS = True
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en-GB"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

# --- Where the content is -------------------------------------------------------------
PATH = "content"
ARTICLE_PATHS = ["updates", "briefings", "minutes"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "files"]
#: Each article folder and the category its documents get unless `category:` says otherwise.
CATEGORY_BY_FOLDER = {"updates": "Updates", "briefings": "Briefings", "minutes": "Minutes"}
#: The category whose documents are minutes of meetings (they need a `meeting:` block).
MINUTES_CATEGORY = "Minutes"
#: Folder (inside PATH) holding people.yml, organisations.yml and themes.yml.
DIRECTORY_PATH = "directory"

# --- Plugins ----------------------------------------------------------------------------
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["network", "speed", "sitetheme", "crosslinks", "minutes", "feeds", "newsletter", "reviews", "archives",
           "search", "findable", "linkgate", "authoring", "pipeline"]

#: Link the "first" mention of each person, organisation and theme in a document, or "every" one.
LINK_MENTIONS = "first"
#: How many related documents an article page shows.
RELATED_DOCUMENTS_COUNT = 5
#: What the build writes where a private person's name (public: false) appears in a text.
PRIVATE_NAME_REPLACEMENT = "[name withheld]"

# --- Markdown -----------------------------------------------------------------------------
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
        # A web address typed in the text ("https://…", "www.…") or an e-mail address becomes a link.
        "pymdownx.magiclink": {"repo_url_shortener": False, "social_url_shortener": False},
    },
    "output_format": "html5",
}
#: False: HTML typed into a document's body (or an editor's note) is sanitised: formatting,
#: tables, images and links stay; scripts, embedded frames (a video's <iframe>), forms, styles,
#: event attributes (onclick=...) and javascript: links are removed (plugins/network/sanitise.py).
#: True: body HTML is published exactly as typed, for sites that need embeds. Anyone who can
#: edit content/ can then run scripts in readers' browsers, so only turn it on when every
#: writer is trusted. Titles, summaries, meetings and the directory are always shown as text.
ALLOW_RAW_HTML = False

# --- Addresses of pages (all end in / so they read well when spoken or printed) ------------
SLUGIFY_SOURCE = "basename"  # a file's name, not its title: editing a title never breaks a link
ARTICLE_URL = "{category}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
DIRECT_TEMPLATES = ["index"]
DEFAULT_PAGINATION = 20
# Pages that stay small however long the archive grows (network.listings): a summary shows the
# newest LIST_LATEST entries and a count per year; a long list continues on numbered pages of at
# most LIST_PAGE_SIZE entries.
LIST_LATEST = 20
LIST_PAGE_SIZE = 100
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
# Pages Pelican would make that this site does not use (people replace authors; themes
# replace tags; drafts are never written anywhere).
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
# The archive by date (/archives/, /2025/, /2025/03/) is the archives plugin's: Pelican's own puts
# every document of the site, or of a year, on one page.
ARCHIVES_SAVE_AS = YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = ""
DRAFT_SAVE_AS = DRAFT_PAGE_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""

#: The most items in any one feed.
FEED_MAX_ITEMS = 20
# Pelican's own feeds are off; the feeds plugin writes them.
FEED_ALL_ATOM = FEED_ALL_RSS = FEED_ATOM = FEED_RSS = None
CATEGORY_FEED_ATOM = CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TAG_FEED_ATOM = TAG_FEED_RSS = None
TRANSLATION_FEED_ATOM = TRANSLATION_FEED_RSS = None

# --- Newsletter (README, 'The newsletter') --------------------------------------------------
#: One issue per "month" or per "quarter" that has published documents.
NEWSLETTER_PERIOD = "month"
#: Folder (inside PATH) of the optional editor's notes, one per issue: 2025-09.md.
NEWSLETTER_NOTES_PATH = "newsletters"
#: The most documents an issue lists (the rest are "more on the website"): keeps it under 100 KB.
NEWSLETTER_MAX_DOCUMENTS = 25
NEWSLETTER_FROM = "Calder Valley Migration Partnership <partnership@cvmp.example.org>"
NEWSLETTER_REPLY_TO = "partnership@cvmp.example.org"
#: The To: of the .eml file (a proof sent with make send-proof goes to TO= instead).
NEWSLETTER_TO = "Partnership members <members@cvmp.example.org>"
#: The unsubscribe link: "mailchimp", "listmonk", "buttondown" (each service's own placeholder),
#: or a plain address such as "https://lists.example.org/unsubscribe".
NEWSLETTER_UNSUBSCRIBE = "mailchimp"
#: Campaign parameters added to links into the site, or None. "{issue}" becomes 2025-09.
NEWSLETTER_UTM = None
NEWSLETTER_FOOTER = ("You receive this newsletter as a member or partner of the Calder Valley Migration "
                     "Partnership, Wellgate House, Calderbridge.")
#: The width in pixels the logo (SITE_LOGO, drawn as a PNG: e-mail clients show no SVG) is shown
#: at in the e-mail's masthead, beside the site's name (at most 600).
NEWSLETTER_LOGO_WIDTH = 48
#: How many issues the newsletter's feed (newsletter/feed.xml, for RSS-to-e-mail services) holds,
#: newest first: a service only needs the newest, and every item carries a whole e-mail.
NEWSLETTER_FEED_ITEMS = 12

# --- Theme ---------------------------------------------------------------------------------
THEME = "theme"
#: The site's logo: an SVG file in theme/static/. The header shows it beside the site's name; the
#: favicons, the picture of a shared link and the newsletter's masthead are drawn from it.
SITE_LOGO = "images/logo.svg"

# --- Search engines -------------------------------------------------------------------------
#: The most addresses in one sitemap file (the protocol allows 50,000): a larger site gets
#: sitemap.xml as an index of sitemap-1.xml, sitemap-2.xml ...
SITEMAP_MAX_URLS = 50000

# --- Build -----------------------------------------------------------------------------------
#: Keep what the reader made of each file (HTML and front matter) and reuse it while the file is
#: unchanged: a rebuild after editing one document reads one document. The cache's folder is
#: named after a fingerprint of our reader and its settings, so a change to either starts afresh.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
#: The cache is written after every build: uncompressed, that takes a fraction of the time
#: (a few more megabytes on disk).
GZIP_CACHE = False
#: Dates come from the front matter (a document without one is refused), never from file names;
#: Pelican would otherwise parse a date out of every file's name on every build, cached or not.
FILENAME_METADATA = ""
#: Processes that turn Markdown into HTML side by side (None: one per core; 1: no pool).
READ_PROCESSES = None
#: Processes that write pages side by side: 2 lets a helper write the entity pages and feeds
#: while Pelican writes its own pages (None: 2 on a machine with two cores or more; 1: none).
WRITE_PROCESSES = None
#: Where builds keep their caches. SITE_CACHE_PATH in the environment puts them elsewhere: the
#: test suite gives each of its processes its own, so that their builds never wait for each other.
CACHE_PATH = os.environ.get("SITE_CACHE_PATH") or ".cache/pelican"
DELETE_OUTPUT_DIRECTORY = True

#: The main menu: (label, address inside the site). Order is the order shown.
MENU_ITEMS = (
    ("Home", ""),
    ("Updates", "updates/"),
    ("Briefings", "briefings/"),
    ("Minutes", "minutes/"),
    ("Meetings", "meetings/"),
    ("Actions", "actions/"),
    ("People", "people/"),
    ("Organisations", "organisations/"),
    ("Themes", "themes/"),
    ("Newsletter", "newsletter/"),
    ("About", "about/"),
)
#: A line at the foot of every page (plain text).
FOOTER_TEXT = "Contact the project officer: partnership@cvmp.example.org"
