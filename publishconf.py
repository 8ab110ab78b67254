"""Production settings: only what differs from pelicanconf.py."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F401,F403

#: The public address of the site; every feed and e-mail link is built from it.
SITEURL = os.environ.get("SITEURL", PUBLIC_SITEURL)  # noqa: F405
RELATIVE_URLS = False

# --- Putting the site online (make deploy; README, 'Putting the site online') ---------------
#: Where make deploy copies output/: "rsync:user@host:/path" (a server, over SSH), a folder
#: ("/srv/www/cvmp"), or "ghp:gh-pages" (a branch pushed to DEPLOY_GIT_REMOTE, for GitHub Pages).
#: Empty: make deploy says so and does nothing. The environment variable of the same name wins
#: (the CI workflow sets it from the repository's settings).
DEPLOY_TARGET = os.environ.get("DEPLOY_TARGET", "")
#: For "ghp:" targets: the git remote the branch is pushed to.
DEPLOY_GIT_REMOTE = os.environ.get("DEPLOY_GIT_REMOTE", "origin")
#: For "ghp:" targets with a domain of their own: the domain GitHub Pages serves (its CNAME file).
DEPLOY_CNAME = os.environ.get("DEPLOY_CNAME", "")
