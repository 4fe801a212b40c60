"""Vocabulary name matching (kg.extract.lexicon); names written for the tests."""

from kg.extract.lexicon import NameMatcher


def found(matcher: NameMatcher, text: str) -> list[tuple[str, str]]:
    return [(m.key, m.text) for m in matcher.find(text)]


def test_the_longest_name_wins_and_a_shorter_one_where_the_longer_stops():
    matcher = NameMatcher({"lung": ["lung cancer"], "nsclc": ["non-small cell lung cancer",
                                                             "NSCLC"],
                           "cell": ["cell therapy"]})
    assert found(matcher, "in Non-small  cell lung cancer and lung-cancers") == [
        ("nsclc", "Non-small  cell lung cancer"), ("lung", "lung-cancer")]
    assert found(matcher, "a cell therapy, not a cell therapist, for NSCLC but not nsclc") == [
        ("cell", "cell therapy"), ("nsclc", "NSCLC")]
