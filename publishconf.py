"""Production settings: only what differs from pelicanconf.py."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F401,F403

#: The public address of the site; every feed and e-mail link is built from it.
SITEURL = os.environ.get("SITEURL", PUBLIC_SITEURL)  # noqa: F405
RELATIVE_URLS = False

# --- Putting the site online (make deploy; README, 'Putting the site online') ---------------
# Write your value between the last quotes. An environment variable of the same name, when set
# and not empty, wins: the CI workflow (.github/workflows/publish.yml) passes the repository's.
#: Where make deploy copies output/: "rsync:user@host:/path" (a server, over SSH), a folder
#: ("/srv/www/cvmp"), or "ghp:gh-pages" (a branch pushed to DEPLOY_GIT_REMOTE, for GitHub Pages).
#: Empty: make deploy says so and does nothing.
DEPLOY_TARGET = os.environ.get("DEPLOY_TARGET") or ""
#: For "ghp:" targets: the git remote the branch is pushed to.
DEPLOY_GIT_REMOTE = os.environ.get("DEPLOY_GIT_REMOTE") or "origin"
#: For "ghp:" targets with a domain of their own: the domain GitHub Pages serves (its CNAME file).
DEPLOY_CNAME = os.environ.get("DEPLOY_CNAME") or ""
