# The project officer's commands. Run `make help` for the list.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: help check publish html devserver serve newsletter send-proof test test-deps bench mutation clean
.PHONY: import
.PHONY: deploy
.PHONY: new suggest

help:
	@echo "make publish    build the public site into output/ (sets everything up the first time)"
	@echo "make newsletter build the site and its newsletter; print the latest email.html"
	@echo "make send-proof TO=you@example.org [MONTH=2025-09]  e-mail a proof (SMTP_HOST etc., see README)"
	@echo "make deploy [DRY_RUN=1]  put the site in output/ online (DEPLOY_TARGET in publishconf.py, see README)"
	@echo "make test       run every test"
	@echo "make check      check the content for mistakes without building (fast)"
	@echo "make import DOCX=file.docx [TYPE=update|briefing|minutes] [NAME=file-name]  a Word file as a new document"
	@echo "make new TYPE=update|briefing|minutes TITLE=\"...\" [BODY=org-id]  start a new document (a draft)"
	@echo "make suggest    write people and organisations the content names but the directory lacks to suggestions.yml"
	@echo "make html       build a preview into preview/ (links work from your computer)"
	@echo "make devserver  preview on http://127.0.0.1:$(PORT)/, rebuilt when a file changes; open pages reload"
	@echo "make serve      serve the last preview on http://127.0.0.1:$(PORT)/"
	@echo "make mutation   plant small bugs in the pure cores; write benchmarks/MUTATION.md (minutes)"
	@echo "make bench      build synthetic corpora of 1,000 and 10,000 documents; write benchmarks/RESULTS.md"
	@echo "make clean      remove built files and the environment"

# One virtual environment; each requirements file installs once, again only when it changes.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.build-installed: requirements.txt constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.mutation-installed: requirements-mutation.txt $(VENV)/.test-installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-mutation.txt -c constraints.txt
	touch $@

$(VENV)/.test-installed: requirements-test.txt $(VENV)/.build-installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt -c constraints.txt
	touch $@

publish: $(VENV)/.build-installed
	$(BIN)/python tools/build.py --settings publishconf.py --output output

check: $(VENV)/.build-installed
	$(BIN)/python tools/build.py --settings pelicanconf.py --output preview --check

# TITLE and BODY are read by the shell from the environment ("$$TITLE"), so a title holding
# quotes, slashes or a $ reaches the script as typed.
new: $(VENV)/.build-installed
	@$(BIN)/python tools/new.py --type "$$TYPE" --title "$$TITLE" --body "$$BODY"

suggest: $(VENV)/.build-installed
	@$(BIN)/python tools/suggest.py

html: $(VENV)/.build-installed
	$(BIN)/python tools/build.py --settings pelicanconf.py --output preview

devserver: $(VENV)/.build-installed
	$(BIN)/python tools/devserver.py --settings pelicanconf.py --output preview --port $(PORT)

serve: html
	$(BIN)/python -m http.server --directory preview --bind 127.0.0.1 $(PORT)

# A Word file as a new document in content/ (never over an existing file). The path is read from
# the environment ("$$DOCX"), so spaces and quotes in it are safe.
import: $(VENV)/.build-installed
	@$(BIN)/python tools/importdocx.py "$$DOCX" $(if $(TYPE),--type "$(TYPE)") $(if $(NAME),--name "$(NAME)") \
		$(if $(CONTENT),--content "$(CONTENT)")

# Puts the last `make publish` online; refuses a failed or changed build. DRY_RUN=1 only shows.
deploy: $(VENV)/.build-installed
	$(BIN)/python tools/deploy.py --settings publishconf.py --output output \
		$(if $(filter-out 0 no false,$(DRY_RUN)),--dry-run)

newsletter: publish
	@$(BIN)/python tools/newsletter.py path

send-proof: publish
	@$(BIN)/python tools/newsletter.py send --to "$(TO)" $(if $(MONTH),--month $(MONTH))

# Debian's chromium and spamassassin and the caniemail data, which the tests use.
test-deps:
	@bash tools/test-deps.sh

test: $(VENV)/.test-installed test-deps
	$(BIN)/python -m pytest

mutation: $(VENV)/.mutation-installed
	$(BIN)/python tools/mutation.py

bench: $(VENV)/.build-installed
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf output output.previous .output.building .output.spare preview preview.previous .preview.building \
		.preview.spare .output.lock .preview.lock .cache $(VENV)
	rm -f .output.built.json .preview.built.json
