"""What a page says about itself to search engines and link previews: its canonical address,
Open Graph and Twitter card values. Pure: base.html prints them (escaped) in every page's head."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .sitemap import address_of

#: The picture of a shared link: the logo drawn as a PNG (og:image must be a raster image).
SHARE_IMAGE = "logo.png"
SHARE_IMAGE_SIZE = 512


@dataclass(frozen=True)
class SocialMeta:
    url: str  # canonical and og:url
    title: str
    description: str
    kind: str  # og:type: "article" for a document, "website" for every other page
    site_name: str
    image: str
    image_alt: str
    published: str = ""  # a document's date (ISO 8601), article:published_time
    modified: str = ""  # its modified date, or its date: article:modified_time


def social_meta(site: str, site_name: str, output_file: str, title: str, description: str,
                document=None) -> SocialMeta:
    """The page's values. ``title`` and ``description`` are as the page's <title> and description
    show them (escaped markup or text); the site's name is taken off the end of the title.
    ``document`` is the page's document (a Pelican article), if it is one."""
    text_title = _text(title)
    suffix = f" · {site_name}"
    if text_title.endswith(suffix) and text_title != suffix:
        text_title = text_title[: -len(suffix)]
    published = modified = ""
    if document is not None:
        published = document.date.isoformat()
        modified = (getattr(document, "modified", None) or document.date).isoformat()
    return SocialMeta(url=f"{site}/{address_of(output_file)}", title=text_title, description=_text(description),
                      kind="article" if document is not None else "website", site_name=site_name,
                      image=f"{site}/{SHARE_IMAGE}", image_alt=f"The logo of the {site_name}",
                      published=published, modified=modified)


def _text(value: str) -> str:
    """Rendered markup as the text it shows (a typed "<" stays "<": it is printed escaped again)."""
    return Markup(value).striptags() if isinstance(value, Markup) else " ".join(str(value).split())
