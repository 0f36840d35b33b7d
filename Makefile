# Life Circle — the commands README gives. Everything runs in a venv made from Debian's
# /usr/bin/python3 with system site packages (PyQGIS, PyQt5), see scripts/setup.sh.
VENV      ?= .venv
PY        := $(VENV)/bin/python
DATA      ?= ../shared/data/changning
OUT       ?= out
NETWORK   ?=
DEMO_LANG ?=
# one command line, so make echoes it without continuation backslashes
DEMO_ARGS = --data $(DATA) --out $(OUT)$(if $(NETWORK), --network $(NETWORK))$(if $(DEMO_LANG), --lang $(DEMO_LANG))
PACKAGE   ?= $(OUT)/survey_package.lcsurvey
# the survey app is a desktop window: empty = the desktop's platform, not offscreen
SURVEY_PLATFORM ?=
SURVEY_LANG ?=
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup test demo package lint translations bench survey clean

setup: $(VENV)/.requirements.stamp
$(VENV)/.requirements.stamp: requirements.txt scripts/setup.sh
	VENV=$(VENV) bash scripts/setup.sh

test: setup translations
	$(PY) -m pytest tests

demo: setup translations
	$(PY) -m lifecircle_plugin.demo $(DEMO_ARGS)

bench: setup
	$(PY) tests/benchmarks/run_all.py

survey: setup
	QT_QPA_PLATFORM=$(SURVEY_PLATFORM) $(PY) -m survey_app $(PACKAGE) \
		$(if $(SURVEY_LANG),--lang $(SURVEY_LANG),)

translations: setup
	$(PY) scripts/translations.py compile

package: setup translations
	$(PY) scripts/make_package.py --out dist

lint: setup
	$(PY) -m ruff check lifecircle_plugin survey_app tests scripts

clean:
	rm -rf $(OUT) dist .pytest_cache
