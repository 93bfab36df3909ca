# Uitkijk: `make demo` and `make test` do everything on a fresh Debian machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup demo room-demo room-demo-2-relays run test lint bench clean translations

TRANSLATIONS := $(patsubst %.ts,%.qm,$(wildcard resources/i18n/*.ts))

setup: $(STAMP) $(TRANSLATIONS)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# After a change of the words on screen: every marked string of console/ into the .ts files (then translate them).
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete $$(find console -name '*.py' | sort) -ts resources/i18n/uitkijk_nl.ts resources/i18n/uitkijk_fr.ts

$(STAMP): pyproject.toml scripts/system-packages.sh
	bash scripts/system-packages.sh
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: setup
	$(PY) main.py demo

room-demo: setup
	$(PY) main.py demo --desks 4

room-demo-2-relays: setup
	$(PY) main.py demo --desks 4 --relays 2

run: setup
	$(PY) main.py run

test: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: setup
	$(PY) -m ruff check console tests bench
	$(PY) -m ruff format --check console tests bench
	$(PY) -m mypy

bench: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.run
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.run --startup 5
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.ptz
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.tours
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.audit
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.dispatch
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.room
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.room_scale
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.relay
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.recorder
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.recorder_failover
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.relay_failover
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.replay
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.playback
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.map
	$(PY) -m bench.hostile
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.tamper
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.alarm_latency
	$(PY) -m bench.detectors
	$(PY) -m bench.onvif_events
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.soak
	$(PY) -m bench.code_size

clean:
	rm -rf $(VENV) .pytest_cache
