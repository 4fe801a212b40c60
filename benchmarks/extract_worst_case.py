"""Worst-case time per input size for adversarial inputs (issue 7); run on demand.

    .venv/bin/python benchmarks/extract_worst_case.py [--sizes 10000,20000,...,320000]
        [--budget 5] [--repeat 3] [FAMILY or PREFIX ...] [--write [benchmarks/WORST_CASE.md]]

Each input is a short unit ("1", "AB-", "<div ", "A. B. " …) repeated to a size in
characters. Two stages are timed:

- reading (`read/`, `split/`, `html/`, `md/`): bytes → Document → layout, that is decoding,
  HTML or markdown to text, normalising and splitting into sections and sentences
  (`structure(document_from_bytes(...))`): huge lines, many paragraphs, sentence splitting of
  lines like "A. B. A. B.", unclosed and nested HTML tags, markdown syntax left open;
- extraction (`extract/`): Document → facts → quads (`quads_for(extract(document))`) on one
  long line after a headline, for every unit.

Linear code takes twice the time for twice the input; a regex that backtracks or a rescan
takes four times (quadratic) or more. Each cell is the best of up to `--repeat` runs; the
growth is the time ratio of consecutive sizes scaled to one doubling, and the verdict is
"superlinear" when the ratio between the two largest sizes is over 2.2 (or a run hit the
limit); such a row is measured once more at those two sizes first, so that a run slowed by
another process does not decide it. An input stops growing once one run exceeds the budget,
and a run is cut at ten budgets, so the script finishes. `--write` also writes the table as
markdown (with the machine's core count and the command).
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import platform
import shlex
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.documents import Document, document_from_bytes  # noqa: E402
from kg.extract import extract  # noqa: E402
from kg.rdf import quads_for  # noqa: E402
from kg.sections import structure  # noqa: E402

SUPERLINEAR = 2.2  # growth per doubling above which an input is reported as superlinear

UNITS = {  # extraction: repeated on one line after a headline
    "digits": "1",
    "digits-commas": "1,",
    "digits-dots": "1.2.",
    "digits-spaces": "1 2 ",
    "dots": ".",
    "hyphens": "-",
    "capitals": "ABCDEFGHIJ",
    "caps-hyphen": "AB-",
    "code-names": "AB-12 ",
    "brackets": "(((x)))[[y]]",
    "words": "Phase Inc. FDA mg/kg months ",
    "doses": "5 mg/kg ",
    "percent": "42% ",
    "mixed": "Phase 1b/2 AB-12 4.5 mg/kg 42% FDA Inc. ",
    "cap-words": "Alpha Beta Gamma ",
    "upper-words": "ALPHA BETA ",
    "quotes": '"a" ',
    "prose": "The committee met again in the spring and reviewed the plans. ",
    "release-line": (
        "Halden Bio, Inc. (Nasdaq: HLDB) today announced that the U.S. Food and Drug "
        "Administration has granted Fast Track designation to HB-310 for glioblastoma. "
        "In Cohort 1, patients received 2.5 mg/kg of HB-310 and the disease control rate "
        "was 61%. \"We are encouraged,\" said Ines Duarte, Chief Executive Officer of Halden "
        "Bio. "),
}
SENTENCE_UNITS = ["A. B. ", "Dr. A ", "Inc. ", "U.S. ", "1.5 ", "... ", "x ", "March 3, 2024 ",
                  "? ", "."]
HTML_UNITS = ["<div ", '<a href="', "</a ", "<!-- ", "<", "<!", "<?", "<![CDATA[",
              "<div><span>", "<p class='x", "&amp", "&#", "<a title='x<y'>t</a>", "<p>x ",
              "p<0.05 "]
MARKDOWN_UNITS = ["[", "![", "[a](", "](", "**", "__", "**a ", "# ", "- ", "> ", "[x](y) ",
                  "**a** "]
PARAGRAPH = ("The committee met again in the spring and reviewed the plans for the new "
             "building. Members asked about the budget, and the chair answered. ")


def repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def one_line(unit: str, size: int) -> str:
    return "Headline\n\n" + repeat(unit, size) + "\n"


def nested_divs(size: int) -> str:
    depth = max(1, size // len("<div></div>"))
    return "<h1>Deep</h1>" + "<div>" * depth + "<p>Inner text.</p>" + "</div>" * depth


def unclosed_scripts(size: int) -> str:
    return "<p>Visible.</p>" + repeat("<script>", size) + "x"


@dataclass(frozen=True)
class Family:
    """An input that grows with `size` (characters), the file name it is read as (which
    decides text, markdown or HTML) and what is timed."""

    make: Callable[[int], str]
    file_name: str
    stage: str  # "read" or "extract"


def families() -> dict[str, Family]:
    out = {
        "read/prose-line": Family(lambda n: one_line(UNITS["prose"], n), "line.txt", "read"),
        "read/paragraphs": Family(lambda n: "Headline\n\n" + repeat(PARAGRAPH + "\n\n", n),
                                  "paragraphs.txt", "read"),
        "read/blank-lines": Family(lambda n: "Headline\n" + repeat("\n \t\r\n", n) + "End.\n",
                                   "blank.txt", "read"),
        "read/spaces": Family(lambda n: "Headline\n\nA" + repeat(" \t\u00a0", n) + "b.\n",
                              "spaces.txt", "read"),
    }
    for unit in SENTENCE_UNITS:
        out[f"split/{unit.strip()}"] = Family(
            lambda n, u=unit: one_line(u, n), "sentences.txt", "read")
    out["html/nested-divs"] = Family(nested_divs, "page.html", "read")
    out["html/unclosed-scripts"] = Family(unclosed_scripts, "page.html", "read")
    for unit in HTML_UNITS:
        out[f"html/{unit.strip()}"] = Family(lambda n, u=unit: "<h1>T</h1>" + repeat(u, n),
                                     "page.html", "read")
    for unit in MARKDOWN_UNITS:
        out[f"md/{unit.strip()}"] = Family(lambda n, u=unit: one_line(u, n), "release.md", "read")
    for name, unit in UNITS.items():
        out[f"extract/{name}"] = Family(lambda n, u=unit: one_line(u, n), "line.txt", "extract")
    return out


class TooSlow(Exception):
    pass


def run_once(family: Family, data: bytes, document: Document | None) -> None:
    if family.stage == "read":
        structure(document_from_bytes(family.file_name, data))
    else:
        quads_for(extract(document))


def seconds(family: Family, size: int, *, limit: float, repeats: int) -> float:
    """Best time of up to `repeats` runs at `size` (fewer once 2 s are spent); inf when one
    run exceeds `limit` seconds."""
    data = family.make(size).encode("utf-8")
    document = document_from_bytes(family.file_name, data) if family.stage == "extract" else None

    def stop(_signum, _frame):
        raise TooSlow

    best, spent = math.inf, 0.0
    previous = signal.signal(signal.SIGALRM, stop)
    try:
        for _ in range(repeats):
            gc.collect()
            signal.setitimer(signal.ITIMER_REAL, limit)
            started = time.perf_counter()
            try:
                run_once(family, data, document)
            except TooSlow:
                return math.inf
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            took = time.perf_counter() - started
            best, spent = min(best, took), spent + took
            if spent > 2:
                break
    finally:
        signal.signal(signal.SIGALRM, previous)
    return best


def growths(sizes: list[int], times: list[float]) -> list[float]:
    """Time ratio of each pair of consecutive sizes, scaled to one doubling of the input."""
    out = []
    for (s1, t1), (s2, t2) in pairwise(zip(sizes, times, strict=False)):
        doublings = math.log2(s2 / s1)
        out.append(math.inf if t2 == math.inf else (t2 / max(t1, 1e-9)) ** (1 / doublings))
    return out


def verdict(ratios: list[float]) -> str:
    if not ratios:
        return "-"
    return "superlinear" if ratios[-1] > SUPERLINEAR else "linear"


def cell(t: float, limit: float) -> str:
    if t == math.inf:
        return f">{limit:g} s"
    return f"{t * 1000:.1f} ms" if t < 1 else f"{t:.2f} s"


def ratio_text(ratios: list[float]) -> str:
    return " ".join("over limit" if r == math.inf else f"×{r:.2f}" for r in ratios) or "-"


def command_line() -> str:
    python = Path(sys.executable)
    script = Path(sys.argv[0]).resolve()
    with_root = [python, script]
    shown = [os.path.relpath(p, ROOT) if p.is_relative_to(ROOT) else str(p) for p in with_root]
    return shlex.join(shown + sys.argv[1:])


def main() -> None:
    table = families()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,20000,40000,80000,160000,320000",
                        help="comma-separated input sizes in characters")
    parser.add_argument("--budget", type=float, default=5.0,
                        help="stop growing an input once one run takes this many seconds "
                             "(a run is cut at ten times this)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="best of this many runs per cell (fewer once 2 s are spent)")
    parser.add_argument("--write", nargs="?", const=str(ROOT / "benchmarks" / "WORST_CASE.md"),
                        metavar="PATH", help="also write the table as markdown "
                        "(default benchmarks/WORST_CASE.md)")
    parser.add_argument("families", nargs="*",
                        help="families or prefixes to run, e.g. html/ extract/digits "
                             "(default all: " + ", ".join(table) + ")")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    names = [name for name in table
             if not args.families or any(name == f or (f.endswith("/") and name.startswith(f))
                                         or name == f"extract/{f}" for f in args.families)]
    if not names:
        parser.error("no family matches " + " ".join(args.families))
    limit = 10 * args.budget
    # vocabularies and regexes are loaded on first use: not part of any measurement
    run_once(table["extract/prose"], b"", document_from_bytes("warm.txt", one_line("A. ", 200)
                                                               .encode()))
    structure(document_from_bytes("warm.html", b"<p>x</p>"))

    started = time.perf_counter()
    rows: list[tuple[str, list[float], list[float]]] = []
    width = max(len(name) for name in names) + 2
    growth_width = max(len("growth per doubling"), 6 * (len(sizes) - 1))
    print(f"{'input':<{width}}" + "".join(f"{s:>12,}" for s in sizes)
          + f"   {'growth per doubling':<{growth_width}} verdict")
    for name in names:
        times: list[float] = []
        for size in sizes:
            if times and times[-1] > args.budget:
                break
            times.append(seconds(table[name], size, limit=limit, repeats=args.repeat))
        ratios = growths(sizes, times)
        if verdict(ratios) == "superlinear" and times[-1] < math.inf:  # confirm it
            for i in (len(times) - 2, len(times) - 1):
                times[i] = min(times[i], seconds(table[name], sizes[i], limit=limit,
                                                 repeats=args.repeat))
            ratios = growths(sizes, times)
        rows.append((name, times, ratios))
        cells = "".join(f"{cell(t, limit):>12}" for t in times)
        cells += " " * 12 * (len(sizes) - len(times))
        print(f"{name:<{width}}{cells}   {ratio_text(ratios):<{growth_width}} {verdict(ratios)}",
              flush=True)
    elapsed = time.perf_counter() - started
    slow = [name for name, _, ratios in rows if verdict(ratios) == "superlinear"]
    print(f"\n{len(rows)} inputs in {elapsed:.0f} s; superlinear: {', '.join(slow) or 'none'}")
    if args.write:
        Path(args.write).write_text(markdown(rows, sizes, limit, args.repeat, elapsed, slow))
        print(f"wrote {args.write}")


def markdown(rows, sizes: list[int], limit: float, repeats: int, elapsed: float,
             slow: list[str]) -> str:
    cpu = platform.processor() or platform.machine()
    lines = [
        "# Worst-case time per input size (issue 7)",
        "",
        "Written by `benchmarks/extract_worst_case.py`; regenerate with",
        "",
        "```",
        command_line(),
        "```",
        "",
        f"Machine: {os.cpu_count()} cores ({cpu}, {platform.system()}), Python "
        f"{platform.python_version()}; {date.today().isoformat()}; {elapsed:.0f} s in all.",
        "",
        "Each input is a unit repeated to the size in characters. `read/`, `split/`, `html/` "
        "and `md/` time reading (decoding, HTML or markdown to text, normalising, sections and "
        "sentences: `structure(document_from_bytes(...))`); `extract/` times extraction and "
        "RDF (`quads_for(extract(document))`) of one long line after a headline. A cell is the "
        f"best of up to {repeats} runs. Growth is the time ratio of consecutive sizes per doubling "
        "of the input: ×2 is linear, ×4 quadratic. The verdict is superlinear when the growth "
        f"between the two largest sizes is over ×{SUPERLINEAR} (measured twice); small times "
        "(under a few ms) are noisy.",
        "",
        f"Superlinear: {', '.join(f'`{name}`' for name in slow) or 'none'}.",
        "",
        "| input | " + " | ".join(f"{s:,}" for s in sizes) + " | growth per doubling | verdict |",
        "|---|" + "---:|" * len(sizes) + "---|---|",
    ]
    for name, times, ratios in rows:
        cells = [cell(t, limit) for t in times] + [""] * (len(sizes) - len(times))
        lines.append(f"| `{name}` | " + " | ".join(cells)
                     + f" | {ratio_text(ratios)} | {verdict(ratios)} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
