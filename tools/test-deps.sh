#!/usr/bin/env bash
# What the tests need beyond Python packages, installed only when missing:
# - Debian's chromium (the browser tests drive it through Playwright; Playwright's own browser
#   download does not work here), spamassassin (the newsletter's spam score) and rsync (make
#   deploy copies the site with it; its test copies into a folder);
# - files from npm packages (listed below) and Java for the HTML checker.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v spamassassin >/dev/null 2>&1 || missing+=(spamassassin)
command -v rsync >/dev/null 2>&1 || missing+=(rsync)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages..."
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm packages whose files the tests read (none runs under Node): pinned, installed when missing.
#   caniemail  its JSON data, for the e-mail CSS test (1.0.5: the last release supporting Node 20)
#   axe-core   the accessibility rules injected into pages in Chromium
#   vnu-jar    the Nu HTML Checker, run with Java (in the base image; installed below if missing)
NPM_PACKAGES=(caniemail@1.0.5 axe-core@4.14.1 vnu-jar@26.9.27)
stale=0
for package in "${NPM_PACKAGES[@]}"; do
  name="${package%@*}"; version="${package##*@}"
  manifest=".cache/npm/node_modules/$name/package.json"
  [ -f "$manifest" ] && grep -q "\"version\": \"$version\"" "$manifest" || stale=1
done
if [ "$stale" = 1 ]; then
  # One command for all: npm removes whatever the same command did not name.
  echo "Installing ${NPM_PACKAGES[*]} from npm..."
  mkdir -p .cache/npm
  npm install --prefix .cache/npm --no-save --no-audit --no-fund --loglevel=error "${NPM_PACKAGES[@]}" >/dev/null
fi
