"""The `kg` command end to end (click's CliRunner): build, query in every format, queries,
validate, export, stats; user errors are one `kg: …` line with exit code 2."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import rdfcheck
from click.testing import CliRunner
from conftest import ROOT
from pyoxigraph import Literal, NamedNode, RdfFormat, parse

from kg.cli import main
from kg.queries import saved_queries

COLUMNS = ["doc", "drug", "designation", "agency", "indication"]
XSD = "http://www.w3.org/2001/XMLSchema#"


def kg(*args: str | Path):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def built(release_file: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out.trig"
    result = kg("build", release_file, "-o", out)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def store(release_file: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "store"
    result = kg("build", release_file, "--store", folder, "--quiet")
    assert result.exit_code == 0, result.output
    return folder


def test_build_writes_the_file_and_reports_on_stderr(built: Path):
    quads = list(parse(built.read_bytes(), format=RdfFormat.TRIG))
    graphs = {q.graph_name.value for q in quads}
    assert "https://w3id.org/biotech-kg/id/graph/resolution" in graphs
    assert all(g.startswith("https://w3id.org/biotech-kg/id/disclosure/")
               for g in graphs - {"https://w3id.org/biotech-kg/id/graph/resolution"})


def test_build_summary_line(release_file: Path, tmp_path: Path):
    result = kg("build", release_file, "-o", tmp_path / "o.nq")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "1 documents: 1 read" in result.stderr and "0 failed" in result.stderr


def test_query_csv(built: Path):
    result = kg("query", "designations", built, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == COLUMNS
    assert [row[:4] for row in rows[1:]] == [["northwind-2024-03-03.txt", "NWB-220",
                                             "orphan drug", "FDA"]]


def test_query_tsv(built: Path):
    result = kg("query", "designations", built, "--format", "tsv")
    rows = list(csv.reader(io.StringIO(result.stdout), delimiter="\t"))
    assert rows[0] == COLUMNS and len(rows) == 2


def test_query_json(built: Path):
    result = kg("query", "designations", built, "--format", "json")
    rows = json.loads(result.stdout)
    assert [list(row) for row in rows] == [COLUMNS]
    assert rows[0]["drug"] == "NWB-220"


def test_query_table(built: Path):
    lines = kg("query", "designations", built).stdout.splitlines()
    assert lines[0].split() == COLUMNS
    assert "NWB-220" in lines[2]
    assert lines[-1] == "(1 row)"


def test_query_with_a_param(built: Path):
    result = kg("query", "drug-profile", built, "--param", "drug=nwb-220", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)
    result = kg("query", "drug-profile", built, "--param", 'drug=x"} . ?s ?p ?o {',
                "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_query_over_the_store(store: Path):
    result = kg("query", "designations", "--store", store, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 2


def test_queries_lists_every_saved_query():
    result = kg("queries")
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert names == list(saved_queries())
    assert "--param drug=" in result.stdout


def test_validate_a_file_and_the_store(built: Path, store: Path):
    for args in ([built], ["--store", store]):
        result = kg("validate", *args)
        assert result.exit_code == 0, result.output
        assert result.stderr.strip() == "conforms"


def test_validate_reports_violations_with_exit_1(built: Path, tmp_path: Path):
    broken = tmp_path / "broken.nq"
    lines = rdfcheck.to_bytes(list(parse(built.read_bytes(), format=RdfFormat.TRIG)),
                              ".nq").decode().splitlines()
    kept = [line for line in lines if "#contentHash>" not in line]
    broken.write_text("\n".join(kept) + "\n")
    result = kg("validate", broken)
    assert result.exit_code == 1
    assert "contentHash" in result.stdout
    assert result.stderr.strip().endswith("violations")


def as_stored(triples: set) -> set:
    """Triples as pyoxigraph's store keeps them: it stores xsd:nonNegativeInteger literals
    (oa:start, oa:end) as xsd:integer, which the shapes accept."""
    def term(value):
        if isinstance(value, Literal) and value.datatype.value == XSD + "nonNegativeInteger":
            return Literal(value.value, datatype=NamedNode(XSD + "integer"))
        return value

    return {(s, p, term(o)) for s, p, o in triples}


@pytest.mark.parametrize("suffix", rdfcheck.SUFFIXES)
def test_export_writes_the_store_in_each_format(store: Path, built: Path, tmp_path: Path,
                                                 suffix: str):
    target = tmp_path / f"export{suffix}"
    result = kg("export", "--store", store, "-o", target)
    assert result.exit_code == 0, result.output
    exported = rdfcheck.oxigraph_graphs(target.read_bytes(), suffix)
    built_quads = list(parse(built.read_bytes(), format=RdfFormat.TRIG))
    expected = rdfcheck.expected_graphs(built_quads, suffix)
    if suffix in rdfcheck.TRIPLE_ONLY:
        [triples] = expected.values()
        assert as_stored(triples) <= exported["default"]  # with the store's own graphs
    else:
        assert len(expected) == 2  # the disclosure's graph and the resolution graph
        for name, triples in expected.items():
            assert exported[name] == as_stored(triples)


def test_stats_counts_the_store(store: Path):
    result = kg("stats", "--store", store)
    assert result.exit_code == 0, result.output
    counts = {m.group(1): int(m.group(2)) for m in re.finditer(r"^(\w[\w ]*?) +(\d+)$",
                                                                result.stdout, re.MULTILINE)}
    assert counts["disclosures"] == 1 and counts["designations"] == 1 and counts["drugs"] >= 1


def assert_one_line_error(result, *expected: str) -> str:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kg: "), lines[0]
    for part in expected:
        assert part in lines[0]
    return lines[0]


def test_query_of_a_missing_file(tmp_path: Path):
    assert_one_line_error(kg("query", "designations", tmp_path / "gone.trig"),
                          "gone.trig: file not found")


@pytest.mark.parametrize("command", ["validate", "stats"])
def test_validate_and_stats_of_a_missing_file(command: str, tmp_path: Path):
    assert_one_line_error(kg(command, tmp_path / "gone.nq"), "gone.nq: file not found")


def test_query_of_a_missing_store(tmp_path: Path):
    assert_one_line_error(kg("query", "designations", "--store", tmp_path / "none"),
                          "no store here")


def test_unknown_query(built: Path):
    assert_one_line_error(kg("query", "nope", built), "nope: no saved query of that name")


@pytest.mark.parametrize(("param", "message"), [
    ("drug", "--param drug: expected KEY=VALUE"),
    ("=x", "--param =x: expected KEY=VALUE"),
    ("nope=1", "--param nope: query drug-profile has no such parameter (drug)"),
])
def test_bad_params(built: Path, param: str, message: str):
    assert_one_line_error(kg("query", "drug-profile", built, "--param", param), message)


def test_unknown_output_extension_for_build(release_file: Path, tmp_path: Path):
    assert_one_line_error(kg("build", release_file, "-o", tmp_path / "out.xyz"),
                          "out.xyz: unknown output format")
    assert not (tmp_path / "out.xyz").exists()


def test_unknown_output_extension_for_export(store: Path, tmp_path: Path):
    assert_one_line_error(kg("export", "--store", store, "-o", tmp_path / "out.rdf"),
                          "out.rdf: unknown output format")


def test_build_of_a_missing_file_names_it_and_exits_2(tmp_path: Path):
    result = kg("build", tmp_path / "gone.txt", "-o", tmp_path / "out.trig", "--quiet")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"{tmp_path / 'gone.txt'}: file not found"]


def test_unknown_format_choice_is_a_usage_error(built: Path):
    result = kg("query", "designations", built, "--format", "xml")
    assert result.exit_code == 2 and "Traceback" not in result.output


def imported_by(*argv: str) -> set[str]:
    """Modules loaded by the `kg` command line with these arguments, in a fresh process."""
    script = ("import sys\nfrom kg.cli import main\n"
              f"sys.argv = ['kg', {', '.join(map(repr, argv))}]\n"
              "try:\n    main()\nexcept SystemExit:\n    pass\n"
              "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    return set(done.stderr.split())


@pytest.mark.parametrize("argv", [("--help",), ("queries",), ("build", "--help")])
def test_light_commands_do_not_import_rdflib_or_pyshacl(argv: tuple[str, ...]):
    modules = imported_by(*argv)
    assert "kg.cli" in modules  # the probe ran
    assert not {m for m in modules if m.split(".")[0] in ("rdflib", "pyshacl", "owlrl")}
