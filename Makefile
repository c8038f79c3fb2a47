# The two commands of the README:  `make`  (set up, build, grade the sample class, report)
#                                   `make test`  (set up, run the test suite)
# Python from Debian, not pyenv: the sandboxed kernel runs as an unprivileged user, who cannot enter
# /root where pyenv lives.
PYTHON ?= $(shell test -x /usr/bin/python3.11 && echo /usr/bin/python3.11 || command -v python3)
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
export PATH := $(BIN):$(PATH)
export MPLBACKEND := Agg

.PHONY: all setup system build test clean

all: build

setup: $(VENV)/.installed system

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[browser]'
	touch $@

# Debian packages: bubblewrap for the sandbox; chromium too when the tests run (browser test).
system:
	@bash scripts/system-deps.sh $(if $(filter test,$(MAKECMDGOALS)),--browser,)

build: setup
	$(BIN)/python -m autograder build

test: setup
	$(BIN)/python -m pytest

clean:
	rm -rf submitted autograded feedback reports gradebook.db .grading
