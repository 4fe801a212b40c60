"""The wheel carries the ontology, shapes, saved queries and vocabularies, so a non-editable
install works from any directory."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(out), str(ROOT)], check=True, capture_output=True)
    return next(out.glob("biotech_kg-*.whl"))


def test_wheel_holds_the_data_files(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder, suffix in (("ontology", ".ttl"), ("shapes", ".ttl"), ("queries", ".rq")):
        expected = {f"kg/_data/{folder}/{p.name}" for p in (ROOT / folder).glob(f"*{suffix}")}
        assert expected and expected <= names
    assert {f"kg/vocab/{p.name}" for p in (ROOT / "kg/vocab").glob("*.tsv")} <= names


def test_installed_wheel_finds_its_data_from_another_directory(wheel: Path, tmp_path: Path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    code = ("import kg.queries, kg.validate, kg.resources; "
            f"assert str(kg.resources.data_path('queries')).startswith({str(target)!r}); "
            "print(len(kg.queries.saved_queries()), len(kg.validate.load_shapes()))")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                            text=True, env={"PYTHONPATH": str(target), "PATH": "/usr/bin"})
    assert result.returncode == 0, result.stderr
    queries, shape_triples = map(int, result.stdout.split())
    assert queries == len(list((ROOT / "queries").glob("*.rq")))
    assert shape_triples > 100
