"""The site's logo: one SVG file (the SITE_LOGO setting, inside the theme's static folder), and
the PNG images made from it for readers that do not show SVG (e-mail clients, link previews, old
browsers' favicons). Pure apart from reading the file; PNGs are drawn by resvg.
"""

from __future__ import annotations

import os
import struct

import resvg_py

from .errors import Problem

#: What an SVG file starts with, after an optional XML declaration and comments.
_SVG_ROOT = b"<svg"


def logo_path(settings) -> str:
    """Where the SITE_LOGO file is: inside the theme's static folder."""
    return os.path.join(settings["THEME"], "static", settings["SITE_LOGO"])


def logo_problem(settings) -> Problem | None:
    """What is wrong with the SITE_LOGO setting's file, or None."""
    path = logo_path(settings)
    shown = os.path.relpath(path)
    if not settings["SITE_LOGO"].lower().endswith(".svg"):
        return Problem("pelicanconf.py", f"SITE_LOGO is {settings['SITE_LOGO']!r}, which is not an SVG file.",
                       key="SITE_LOGO", hint="Name an .svg file in theme/static/, such as 'images/logo.svg'.")
    if not os.path.isfile(path):
        return Problem("pelicanconf.py", f"SITE_LOGO names {shown}, which does not exist.", key="SITE_LOGO",
                       hint="Put the logo there, or correct the setting (a path inside theme/static/).")
    try:
        png_of(read_logo(settings), 16)
    except ValueError as exc:
        return Problem(shown, f"the logo (SITE_LOGO) cannot be drawn: {exc}.", key="SITE_LOGO",
                       hint="Save it again as plain SVG from your drawing program and check it opens in a browser.")
    return None


def read_logo(settings) -> bytes:
    with open(logo_path(settings), "rb") as handle:
        return handle.read()


def png_of(svg: bytes, size: int, background: str | None = None) -> bytes:
    """The SVG drawn ``size`` pixels wide (its height in proportion), as PNG bytes."""
    if _SVG_ROOT not in svg[:4096]:
        raise ValueError("it does not start with an <svg> element")
    return bytes(resvg_py.svg_to_bytes(svg_string=svg.decode("utf-8"), width=size, background=background,
                                       skip_system_fonts=True))


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) of PNG bytes, from their header."""
    return struct.unpack(">II", png[16:24])


def ico_of(png: bytes) -> bytes:
    """A .ico file holding one PNG image (the form every browser since 2007 reads)."""
    width, height = png_size(png)
    header = struct.pack("<HHH", 0, 1, 1)
    # width and height 0 mean 256; colour count 0, reserved 0, planes 1, 32 bits per pixel.
    entry = struct.pack("<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png
