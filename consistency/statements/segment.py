"""Sentence segmentation that keeps character offsets into the document text.

Statements point into their document by offsets, so the splitter never rewrites text: it
returns ``(start, end)`` pairs and ``text[start:end]`` is the sentence, stripped of
surrounding whitespace and list bullets.

How it works: one regular expression finds every *candidate* boundary (a newline, a run of
sentence punctuation and its closing quotes); only the few candidates that end in a single
Western full stop go through Python checks (abbreviations, initials, list numbers, a
lower-case next word). Decimals, times, URLs and e-mail addresses never produce a candidate,
because a Western full stop only ends a sentence when whitespace (or a CJK letter) follows.
That keeps the work per sentence, not per character, which matters at a million statements.

Scripts covered: Latin-script languages (English abbreviations always; a few German, French
and Spanish ones when the document says so), Arabic (``. ؟ ! ؛ ۔``), Chinese and Japanese
(``。！？；`` and friends, no spaces needed, closing ``」』”）`` stay with their sentence),
Korean (``. ? !``, also ``다.`` glued to the next sentence); the full stops of Hindi and other
Devanagari languages (``।``), Armenian, Amharic and Burmese. Other languages fall back to
``. ! ?`` and newlines.
"""

from __future__ import annotations

import functools
import re

MAX_LEN = 400  # a run longer than this without sentence punctuation is split at ";" then ","

# Closing quotes and brackets that belong to the sentence they close.
_CLOSERS = "\"'”’»)\\]」』）】〕〉》〗"
# Closing quotation marks: a quote glued to the words after it is reported speech, one sentence.
_QUOTES = "\"'”’」』"
# Punctuation that ends a sentence wherever it stands (no space needed after it).
_HARD = "。｡！？；︒．؟؛۔।॥։።။"  # CJK, Arabic, Devanagari danda, Armenian, Ethiopic, Burmese
# Western punctuation: ends a sentence only before whitespace, the end, or a CJK/Hangul letter.
_SOFT = ".!?…"
# Letters of scripts written without spaces (or often glued after "다."): Han, Kana, Hangul.
_GLUED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7a3"

_CANDIDATE = re.compile(
    rf"(?P<nl>[\n\r\u2028\u2029\x0b\x0c\x85])"
    rf"|[{_HARD}{_SOFT}]*[{_HARD}][{_HARD}{_SOFT}]*(?P<quoted>[{_QUOTES}]+(?=[{_GLUED}]))?[{_CLOSERS}]*"
    rf"|(?P<soft>[{_SOFT}]+)[{_CLOSERS}]*(?=[\s\u200b\u2060\ufeff]|$|[{_GLUED}])"
)

# Whitespace (incl. ideographic space, NBSP, zero-width characters) and list bullets at the edges.
_EDGE_SPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005" \
              "\u2006\u2007\u2008\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
_BULLET = re.compile(rf"(?:[•·▪◦‣●○■□►▶✓✔➤→]|[-*–—](?=[{_EDGE_SPACE}]))[{_EDGE_SPACE}]*")

_TOKEN_BEFORE = re.compile(r"(\S+)$")
_LIST_MARK = re.compile(r"\(?(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})$")
_NEXT_WORD = re.compile(r"\s*[\"'“‘(\[]*(\S*)")
_LONG_SPLIT = (re.compile(r"[;；؛]"), re.compile(r"[,，、،]"))

# Abbreviations that never end a sentence: a name or a phrase always follows them. Ones that
# often end a sentence ("etc.", "Inc.", "Rd.") are left out: the lower-case rule covers "etc. and".
_NEVER_END = frozenset({
    "mr", "mrs", "ms", "mx", "dr", "prof", "st", "sr", "jr", "gen", "sen", "rep", "gov", "mt",
    "e.g", "i.e", "cf", "vs", "viz", "approx", "incl", "excl", "esp", "resp", "dept",
})
# Abbreviations followed by a number ("No. 5", "Jan. 3", "min. 2 items"): no boundary before a digit.
_BEFORE_NUMBER = frozenset({
    "no", "nos", "nr", "vol", "p", "pp", "art", "sec", "ch", "ref", "tel", "ph", "ext", "op", "ed", "fig", "figs",
    "ca", "min", "max", "avg", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})
# "9 a.m. Monday to Friday": after a time, a weekday, month or time zone continues the sentence.
_TIME_ABBR = frozenset({"a.m", "p.m"})
_TIME_FOLLOWERS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "utc", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "cet", "cest", "bst",
    "kst", "jst", "ast", "gst", "et", "pt", "ct",
})
# Abbreviations of other Latin-script languages, used when the document declares that language
# (or when no language is declared). English ones above always apply: brand text mixes them in.
_LANG_NEVER_END: dict[str, frozenset[str]] = {
    "de": frozenset({"z.b", "bzw", "ggf", "evtl", "inkl", "zzgl", "d.h", "u.a", "vgl", "hr", "fr"}),
    "fr": frozenset({"mme", "mlle", "p.ex", "env"}),
    "es": frozenset({"sra", "srta", "ud", "uds", "p.ej", "aprox"}),
}
_ALL_LANG_NEVER_END = frozenset().union(*_LANG_NEVER_END.values())


def segment(text: str, lang_hint: str | None = None) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; return their ``(start, end)`` offsets in document order.

    ``text[start:end]`` is each sentence without surrounding whitespace or list bullets.
    Every newline ends a sentence (sources put each block element on its own line).
    ``lang_hint`` is the document's declared language (e.g. ``"de"``, ``"en-US"``); it only
    widens the abbreviation list, so a wrong hint costs little.
    """
    never_end = _never_end_for(lang_hint)
    spans: list[tuple[int, int]] = []
    seg_start = 0
    for m in _CANDIDATE.finditer(text):
        if m.group("nl") is not None:
            _emit(text, seg_start, m.start(), spans)
            seg_start = m.end()
            continue
        if m.group("quoted"):
            continue  # “质量第一！”他说。: a quotation inside the sentence that reports it
        soft = m.group("soft")
        if soft == "." and not _full_stop_ends(text, seg_start, m.start(), never_end):
            continue
        if soft and soft[-1] in ".…" and _next_is_lower(text, m.end()):
            continue
        _emit(text, seg_start, m.end(), spans)
        seg_start = m.end()
    _emit(text, seg_start, len(text), spans)
    return spans


@functools.cache
def _never_end_for(lang_hint: str | None) -> frozenset[str]:
    if not lang_hint:
        return _NEVER_END | _ALL_LANG_NEVER_END
    base = lang_hint.split("-")[0].split("_")[0].lower()
    return _NEVER_END | _LANG_NEVER_END.get(base, frozenset())


def _full_stop_ends(text: str, seg_start: int, dot: int, never_end: frozenset[str]) -> bool:
    """Whether the single full stop at ``dot`` ends a sentence (the abbreviation checks)."""
    before = text[max(seg_start, dot - 40):dot]
    tok = _TOKEN_BEFORE.search(before)
    if tok is None:  # a full stop right after a space or at the segment start: punctuation noise
        return True
    token = tok.group(1).lstrip("\"'“‘([«").lower()
    if text[seg_start:dot].strip(_EDGE_SPACE) == tok.group(1) and _LIST_MARK.fullmatch(tok.group(1)):
        return False  # "1. Free returns", "b. Shipping": a list number, not a sentence
    if token in never_end:
        return False
    if len(token) == 1 and token.isascii() and token.isalpha():
        return False  # an initial: "J. Smith"
    nxt = _NEXT_WORD.match(text, dot + 1)
    next_word = nxt.group(1) if nxt else ""
    if token in _BEFORE_NUMBER and next_word[:1].isdigit():
        return False
    if token in _TIME_ABBR and next_word.rstrip(".,;:").lower() in _TIME_FOLLOWERS:
        return False
    return True


def _next_is_lower(text: str, pos: int) -> bool:
    """A lower-case Latin word after a full stop or ellipsis continues the sentence ("approx. five")."""
    nxt = _NEXT_WORD.match(text, pos)
    first = nxt.group(1)[:1] if nxt else ""
    return first.isascii() and first.islower()


def _emit(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Strip a raw segment and append it (split further if it is a very long run)."""
    start, end = _strip(text, start, end)
    if start >= end:
        return
    if end - start <= MAX_LEN:
        spans.append((start, end))
        return
    for a, b in _split_long(text, start, end):
        a, b = _strip(text, a, b)
        if a < b:
            spans.append((a, b))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip(_EDGE_SPACE))
    end -= len(piece) - len(piece.rstrip(_EDGE_SPACE))
    start += lead
    if start < end:
        bullet = _BULLET.match(text, start, end)
        if bullet is not None and bullet.end() < end:
            start = bullet.end()
    return start, end


def _split_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a run longer than MAX_LEN into pieces of at most about MAX_LEN characters.

    Cuts go after ";" where that is enough; pieces still too long are cut after ",". A piece
    with neither stays whole: cutting inside a clause would invent statements.
    """
    pieces = [(start, end)]
    for pattern in _LONG_SPLIT:
        out: list[tuple[int, int]] = []
        for a, b in pieces:
            if b - a <= MAX_LEN:
                out.append((a, b))
                continue
            cuts = [m.end() for m in pattern.finditer(text, a, b) if m.end() < b]
            out.extend(_greedy(a, b, cuts))
        pieces = out
    return pieces


def _greedy(a: int, b: int, cuts: list[int]) -> list[tuple[int, int]]:
    """Join consecutive clauses while they fit in MAX_LEN; cut at the last cut that fits."""
    out = []
    piece_start, last_cut = a, None
    for cut in cuts:
        if cut - piece_start > MAX_LEN and last_cut is not None:
            out.append((piece_start, last_cut))
            piece_start = last_cut
        last_cut = cut
    if last_cut is not None and b - piece_start > MAX_LEN:
        out.append((piece_start, last_cut))
        piece_start = last_cut
    out.append((piece_start, b))
    return out
