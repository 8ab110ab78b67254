"""Production settings: only what differs from pelicanconf.py."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F401,F403

#: The public address of the site; every feed and e-mail link is built from it.
SITEURL = os.environ.get("SITEURL", PUBLIC_SITEURL)  # noqa: F405
RELATIVE_URLS = False
