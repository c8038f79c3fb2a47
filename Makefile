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

# The sandbox needs bubblewrap; installed when we are root and it is missing (CI, fresh machines).
system:
	@command -v bwrap >/dev/null || { [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && apt-get install -y -qq bubblewrap >/dev/null) || \
	  echo "note: bubblewrap missing and not root: learner code will run without a namespace sandbox"; }

build: setup
	$(BIN)/python -m autograder build

test: setup
	$(BIN)/python -m pytest

clean:
	rm -rf submitted autograded feedback reports gradebook.db .grading
