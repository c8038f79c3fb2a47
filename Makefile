# The two commands of the README:  `make`  (set up, build, grade the sample class, report)
#                                   `make test`  (set up, run the test suite)
# Python from Debian, not pyenv: the sandboxed kernel runs as an unprivileged user, who cannot enter
# /root where pyenv lives.
PYTHON ?= $(shell test -x /usr/bin/python3.11 && echo /usr/bin/python3.11 || command -v python3)
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
export PATH := $(BIN):$(PATH)
export MPLBACKEND := Agg

.PHONY: all setup system browser build sample grade report feedback test benchmark clean

# The main job: build every assignment, grade the sample class, report, feedback.
all: build sample grade report feedback

setup: $(VENV)/.installed system

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[browser,test]'
	touch $@

# Debian packages: bubblewrap for the sandbox; chromium for the browser test.
system:
	@bash scripts/system-deps.sh

browser:
	@bash scripts/system-deps.sh --browser

build: setup
	$(BIN)/python -m autograder build

sample: setup
	$(BIN)/python -m autograder sample-class --size 12

grade: setup
	$(BIN)/python -m autograder grade

report: setup
	$(BIN)/python -m autograder report

feedback: setup
	$(BIN)/python -m autograder feedback

benchmark: setup
	$(BIN)/python benchmarks/grading_speed.py --sizes 50,200,1000 --json benchmarks/last_run.json

test: setup browser
	$(BIN)/python -m pytest

clean:
	rm -rf submitted autograded feedback reports gradebook.db .grading
