"""HTML to text: what is dropped, what is kept, and malformed or hostile markup read without
recursion (its time per input size: benchmarks/extract_worst_case.py)."""

from __future__ import annotations

import pytest

from kg import html_text
from kg.html_text import defuse, html_to_text


def lines(markup: str) -> list[str]:
    text, _ = html_to_text(markup)
    return [line.strip() for line in text.split("\n") if line.strip()]


def test_blocks_become_lines_and_inline_tags_do_not():
    assert lines("<p>One <b>bold</b> <a href='x'>link</a>.</p><div>Two<br>Three</div>"
                 "<table><tr><td>A</td><td>B</td></tr></table>") == [
        "One bold link.", "Two", "Three", "A | B"]


def test_scripts_styles_navigation_and_chrome_are_dropped():
    markup = ("<head><title>T</title><style>.a{}</style></head><body>"
              "<header><h1>Site</h1></header><nav>Menu</nav><main><h1>Real headline</h1>"
              "<p>Kept.</p><script>bad()</script><iframe>frame</iframe><svg><text>logo</text>"
              "</svg><template><p>later</p></template><aside><p>Related news</p></aside></main>"
              "<footer>Foot</footer></body>")
    _, headline = html_to_text(markup)
    assert lines(markup) == ["Real headline", "Kept."]
    assert headline == "Real headline"  # the h1 inside <header> is the site's, not the release's


def test_the_header_of_an_article_is_its_content():
    markup = ("<body><header><p>Site banner</p></header><article><header><h1>Acme Doses "
              "First Patient</h1><p>Mar 3, 2025</p></header><p>Body.</p></article></body>")
    assert lines(markup) == ["Acme Doses First Patient", "Mar 3, 2025", "Body."]
    assert html_to_text(markup)[1] == "Acme Doses First Patient"


def test_a_numeric_superscript_is_a_power_and_a_mark_stays_a_mark():
    assert lines("<p>2 x 10<sup>13</sup> vg/kg, 75 mg/m<sup>2</sup>, KEYTRUDA<sup>&reg;</sup>"
                 "</p>") == ["2 x 10^13 vg/kg, 75 mg/m^2, KEYTRUDA®"]


def test_the_release_time_in_the_page_header_is_kept_and_only_it():
    markup = ("<body><header><nav>Home</nav><time datetime='2024-04-03'>April 3, 2024 11:00 AM"
              "</time><time>Updated 2025</time></header><article><p>Body.</p></article>"
              "<footer><time>2023</time></footer></body>")
    assert lines(markup) == ["April 3, 2024 11:00 AM", "Body."]


def test_entities_are_decoded():
    assert lines("<p>A &amp; B &lt;x&gt; &quot;q&quot; &#8220;c&#8221; caf&eacute;</p>") == [
        "A & B <x> \"q\" “c” café"]


def test_comments_are_dropped_even_when_they_hold_markup_or_never_close():
    markup = ("<p>Before</p><!-- <p>old text</p> --><!--[if IE]><p>ie</p><![endif]-->"
              "<p>After</p><!-- unclosed <p>hidden</p>")
    assert lines(markup) == ["Before", "After"]


def test_a_stray_less_than_sign_is_text():
    assert lines("<p>p<0.05 and 3 < 4 > 2, <5% and x<=y</p><p>next") == [
        "p<0.05 and 3 < 4 > 2, <5% and x<=y", "next"]


def test_a_tag_cut_short_is_dropped_as_browsers_do():
    assert lines("<p>Kept</p><div class='x' <p>Also kept</p><a href=\"http://cut.test/") == [
        "Kept", "Also kept"]


def test_unclosed_and_misnested_tags_keep_their_text():
    assert lines("<div><p>One<span>two<b>three</div></p>four<li>five") == [
        "Onetwothree", "four", "five"]


def test_nested_divs_far_deeper_than_the_recursion_limit_are_read():
    markup = "<h1>Deep</h1>" + "<div>" * 5_000 + "<p>Inner text.</p>" + "</div>" * 5_000
    assert lines(markup) == ["Deep", "Inner text."]


@pytest.mark.parametrize("tag", ["<script>", "<nav>", "<svg>"])
def test_unclosed_skipped_elements_keep_the_stack_bounded(monkeypatch, tag: str):
    monkeypatch.setattr(html_text, "MAX_DEPTH", 100)
    markup = "<p>Visible.</p>" + tag * 2_000 + "x"
    collector = html_text._TextCollector()
    collector.feed(markup)
    assert len(collector.skip_stack) <= 100
    assert lines(markup) == ["Visible."]


@pytest.mark.parametrize(("unit", "kept"), [
    ("<div ", ""), ('<a href="', ""), ("</a ", ""), ("<!-- ", ""), ("<", "<"), ("<!", ""),
    ("<?", ""), ("<![CDATA[", ""), ("<div><span>", ""), ("<p class='x", ""), ("&amp", "&"),
    ("&#", "&#"), ("<a title='x<y'>t</a>", "t"),
])
def test_hostile_markup_is_read(unit: str, kept: str):
    # unclosed tags and comments by the thousand (html.parser alone rescans the rest of the
    # input for each); the time per size is measured by benchmarks/extract_worst_case.py
    count = 20_000 // len(unit)
    text, headline = html_to_text("<h1>T</h1>" + unit * count)
    assert headline == "T"
    assert [line for line in text.split("\n") if line] == ["T"] + ([kept * count] if kept else [])


def test_defuse_changes_no_well_formed_markup():
    markup = '<p class="a">x</p><br/><img src="i.png" alt="a"><a href="/b?c=d&amp;e">e</a>'
    assert defuse(markup) == markup


def test_a_superscript_mass_number_before_an_element_is_no_power():
    assert lines("<p>[<sup>225</sup>Ac]Ac-AB-520 and <sup>177</sup>Lu-AB-410</p>") == [
        "[225Ac]Ac-AB-520 and 177Lu-AB-410"]
