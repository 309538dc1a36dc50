# Lagebild: make demo (run the pipeline on examples/), make test (the test suite).
# Both create .venv and install what they need on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo.db
OUT    := out

.PHONY: demo test install train-ner bench clean-demo browser postgres

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[server,charts,test]'
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p $(OUT)
	$(BIN)/lagebild ingest examples --db $(DEMO_DB)
	$(BIN)/lagebild export --db $(DEMO_DB) --format json -o $(OUT)/lagebild.json
	$(BIN)/lagebild export --db $(DEMO_DB) --format md -o $(OUT)/overview.md
	$(BIN)/lagebild brief --db $(DEMO_DB) -o $(OUT)/brief.md
	$(BIN)/lagebild brief --db $(DEMO_DB) --format html -o $(OUT)/brief.html
	@cat $(OUT)/brief.md
	@echo
	@echo "Brief of the leading story: $(OUT)/brief.md (and .html); all documents: $(OUT)/overview.md"
	@echo "JSON export: $(OUT)/lagebild.json   database: $(DEMO_DB)   stories: $(BIN)/lagebild stories --db $(DEMO_DB)"

# Browser tests drive Debian's chromium through Playwright (never `playwright install`: no
# downloads at test time). Installed here when missing and we are root; otherwise they skip.
browser:
	@command -v chromium >/dev/null || (id -u | grep -qx 0 && (apt-get install -y chromium || (apt-get update -qq && apt-get install -y chromium))) || true

# Store and scale tests run against a PostgreSQL server they start on 127.0.0.1 (Debian's
# postgresql package: installed here when missing and we are root) and a local Ray instance
# (extras [postgres,scale]); where either cannot be had, those tests skip with the reason.
SCALE_STAMP := $(VENV)/.installed-scale

$(SCALE_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[postgres,scale]' || echo "note: extras [postgres,scale] not installed: their tests will skip"
	@touch $(SCALE_STAMP)

postgres:
	@command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || (id -u | grep -qx 0 && (apt-get install -y -q postgresql || (apt-get update -qq && apt-get install -y -q postgresql))) || echo "note: PostgreSQL not installed (not root?): its tests will skip"

test: $(STAMP) browser $(SCALE_STAMP) postgres
	$(BIN)/python -m pytest -q

# Retrain the shipped German NER model (GermEval 2014 dev, CC BY 4.0, + own annotations; seeded).
train-ner: $(STAMP)
	OMP_NUM_THREADS=1 $(BIN)/python -m lagebild.language.train

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean-demo:
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	rm -rf $(OUT)
