# The two entry points of the README: `make demo` and `make test`. Both create .venv on first
# use and install the pinned versions from constraints.txt, so every machine gets the same set.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test tools lint bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build seeds/ --store .kg/store
	$(BIN)/kg stats --store .kg/store
	$(BIN)/kg query designations --store .kg/store
	$(BIN)/kg query outcomes --store .kg/store

test: $(STAMP) tools
	$(BIN)/ruff check kg tests benchmarks
	$(BIN)/python -m pytest

# Apache Jena's riot, an RDF parser independent of rdflib and pyoxigraph, reads our output in
# tests/test_riot.py (through tools/riot). Debian's Jena and a Java runtime are installed only
# when neither riot nor those jars are there, and only as root; elsewhere those tests skip.
JENA_CMDS_JAR := /usr/share/java/jena-cmds.jar
tools:
	@if command -v riot >/dev/null 2>&1 || { test -f $(JENA_CMDS_JAR) && command -v java >/dev/null; }; \
	then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends libapache-jena-java default-jre-headless; \
	else \
		echo "make tools: no riot and not root: tests/test_riot.py will skip" >&2; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check kg tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .kg build *.egg-info
