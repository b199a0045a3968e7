"""The shared pass over a text (Aho-Corasick automata and the needed-word prefilter) must find exactly
what each lexicon's own regexes and literal lookups find: it only decides what need not run."""

from __future__ import annotations

import re

import pytest

from consistency.judge import contrast, lexicon
from consistency.judge.data import load_brand_pairs
from consistency.judge.lexicon import Lexicon, Prefilter, needed_words


def _reference_find(lex: Lexicon, text: str) -> list[tuple[int, int, str]]:
    """What ``find`` must return, computed the slow way: every regex on every text, and the literal
    forms looked up position by position (the longest at each, then past it)."""
    found = []
    if lex._latin is not None:
        found += [(m.start(), m.end(), lex._keys[int(m.lastgroup[1:])]) for m in lex._latin.finditer(text)]
    if lex._raw is not None:
        found += [(m.start(), m.end(), lex._keys[int(m.lastgroup[1:])]) for m in lex._raw.finditer(text)]
    folded, index = lexicon._folded(text)
    lengths = sorted({len(f) for f in lex._literal}, reverse=True)
    i = 0
    while i < len(folded):
        for n in lengths:
            key = lex._literal.get(folded[i:i + n]) if i + n <= len(folded) else None
            if key is not None:
                end = index[i + n - 1] + 1
                while end < len(text) and lexicon._AR_MARK.match(text[end]):
                    end += 1
                found.append((index[i], end, key))
                i += n
                break
        else:
            i += 1
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    kept: list[tuple[int, int, str]] = []
    for f in found:
        if not kept or f[0] >= kept[-1][1]:
            kept.append(f)
    return kept


@pytest.fixture(scope="module")
def corpus_texts() -> list[str]:
    texts = sorted({t for p in load_brand_pairs() for t in (p.a, p.b)})
    return texts[::4] + ["RETURNS WITHIN 30 DAYS", "Free   SHIPPING over $50", "الإرجاع خِلالَ ١٤ يومًا",
                         "退貨須於七天內", "반품은 14일 이내", "内容 not 内"]


def test_every_lexicon_finds_what_its_own_patterns_find(corpus_texts):
    assert len(lexicon._REGISTRY) >= 30  # the judge's lexicons are all built at import
    for lex in lexicon._REGISTRY:
        for text in corpus_texts:
            assert lex.find(text) == _reference_find(lex, text), (lex._keys[:3], text)


def test_contrast_poles_match_running_every_pattern(corpus_texts):
    for text in corpus_texts:
        expected = []
        for (a, b), gate in ((tuple(p.pattern for p in poles), g and g.pattern)
                             for poles, g in zip(contrast._COMPILED.values(), contrast._GATES)):
            if gate is not None and not gate.search(text):
                expected.append((False, False))
                continue
            ma, mb = [m.span() for m in a.finditer(text)], [m.span() for m in b.finditer(text)]
            inside = lambda s, others: any(o[0] <= s[0] and s[1] <= o[1] and o != s for o in others)  # noqa: E731
            expected.append((any(not inside(x, mb) for x in ma), any(not inside(x, ma) for x in mb)))
        assert contrast._poles(text) == tuple(expected), text


@pytest.mark.parametrize(("source", "words"), [
    (r"returns?|returned|send (?:it|them) back", {"return", "returned", "send "}),  # one per alternative
    (r"e-?mails?", {"mail"}),  # the longest run every match holds
    (r"re(?:fund|imburse)d?", {"fund", "imburse"}),
    (r"[内內](?!容)", {"内", "內"}),
    (r"(?-i:US)|united states", {"us", "united states"}),  # casefolded: the text is casefolded too
    (r"(?:south )?korean?", {"korea"}),
])
def test_needed_words_are_what_every_match_holds(source, words):
    assert needed_words([source]) == frozenset(words)
    # and every match does hold one of them
    for sample in ("we accept returns", "email us", "refunded", "内", "US", "South Korea"):
        m = re.search(source, sample, re.IGNORECASE)
        if m:
            assert any(w in m.group().casefold() for w in words)


@pytest.mark.parametrize("source", [r"\w+", r"(?:a|b)?c?", r"[^a]", r"[\u4e00-\u9fff]{2}", r"x*"])
def test_a_pattern_with_no_needed_word_always_runs(source):
    assert needed_words([source]) is None
    assert Prefilter.of([source]).candidates("nothing here") == {0}


def test_prefilter_names_only_the_patterns_whose_words_occur():
    pre = Prefilter.of([r"refunds?", r"ship(?:ping)?", r"\w+"])
    assert pre.candidates("Free SHIPPING today") == {1, 2}
    assert pre.candidates("no words of theirs") == {2}
    assert needed_words([r"\d+ days"]) == {" days"}


def test_digits_are_one_needed_character():
    """Every digit reads as 0, so a pattern that needs a digit skips only texts with none, in any script."""
    assert needed_words([r"\d+"]) == needed_words([r"[0-9]{2}"]) == {"0"}
    assert needed_words([r"24 hours"]) == {"00 hours"}
    pre = Prefilter.of([r"\d+%", r"24/7"])
    assert pre.candidates("Support 24/7, 10% off") == {0, 1}
    assert pre.candidates("٣٠% off") == {0}
    assert pre.candidates("no numbers") == set()


def test_a_lexicon_made_after_the_first_lookup_is_found_too():
    assert lexicon.TOPICS.find("returns")  # the shared automata exist now
    late = Lexicon({"color": [r"colou?rs?", "颜色", "색상"], "size": ["尺码", "re:사이즈(?!가)"]})
    assert late.find("Choose colours and 尺码; 颜色 too, 사이즈 있음") == [
        (7, 14, "color"), (19, 21, "size"), (23, 25, "color"), (31, 34, "size")]
    assert lexicon.TOPICS.keys("退货 and refunds") == {"return", "refund"}


def test_every_character_a_case_insensitive_letter_matches_holds_it_in_prefilter_form():
    """The prefilter casefolds; re.IGNORECASE also takes "K" (Kelvin), "ſ" and "ı" for ASCII letters."""
    letters = re.compile("[a-z]", re.IGNORECASE)
    for code in range(0x3000):
        ch = chr(code)
        if letters.fullmatch(ch):
            for letter in "abcdefghijklmnopqrstuvwxyz":
                if re.fullmatch(letter, ch, re.IGNORECASE):
                    assert letter in lexicon._prefilter_form(ch), (letter, hex(code))
    assert lexicon.TOPICS.keys("SHıPPING") == lexicon.TOPICS.keys("shipping") == {"shipping"}
