#!/usr/bin/env bash
# What the tests need beyond Python packages, installed only when missing:
# - Debian's chromium (the browser tests drive it through Playwright; Playwright's own browser
#   download does not work here) and spamassassin (the newsletter's spam score);
# - the caniemail data (npm package caniemail, its JSON read by the e-mail CSS test).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v spamassassin >/dev/null 2>&1 || missing+=(spamassassin)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages..."
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

CANIEMAIL_VERSION=1.0.5  # the last release that supports Node 20
data=".cache/npm/node_modules/caniemail/data/caniemail.json"
if [ ! -f "$data" ] || ! grep -q "\"version\": \"$CANIEMAIL_VERSION\"" .cache/npm/node_modules/caniemail/package.json; then
  echo "Installing caniemail@$CANIEMAIL_VERSION from npm..."
  mkdir -p .cache/npm
  npm install --prefix .cache/npm --no-save --no-audit --no-fund --loglevel=error "caniemail@$CANIEMAIL_VERSION" >/dev/null
fi
