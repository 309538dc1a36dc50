# Lagebild: make demo (run the pipeline on examples/), make test (the test suite).
# Both create .venv and install what they need on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo.db
OUT    := out

.PHONY: demo test install train-ner bench clean-demo

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
	$(BIN)/lagebild export --db $(DEMO_DB) --format md -o $(OUT)/lagebild.md
	@cat $(OUT)/lagebild.md
	@echo
	@echo "JSON export: $(OUT)/lagebild.json   database: $(DEMO_DB)"

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Retrain the shipped German NER model (GermEval 2014 dev, CC BY 4.0, + own annotations; seeded).
train-ner: $(STAMP)
	OMP_NUM_THREADS=1 $(BIN)/python -m lagebild.language.train

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean-demo:
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	rm -rf $(OUT)
