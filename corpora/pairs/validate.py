"""Check that the labelled pair corpus is well formed and that its topic split still measures what it should.

Run from anywhere:  python corpora/pairs/validate.py [FILE.jsonl ...]
Without arguments it checks every ``pairs*.jsonl`` beside this script together, as the judge's
loader (``consistency.judge.data.load_brand_pairs``) reads them. Prints a table of counts (label x
language group, kind x label, split) and every problem found. Exit code 0 when the corpus passes,
1 when there is any problem.

Why this exists: the judge is trained on the train split and scored on the test split, which is
split by topic so that the score is earned on subjects the classifier never saw. A single pair
of a test topic slipping into train, a mistyped label or kind, or an Arabic sentence filed as
Chinese would quietly bend every reported figure. Hand-edited data needs a guard.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

PAIRS_DIR = Path(__file__).resolve().parent
PAIRS_FILE = PAIRS_DIR / "pairs.jsonl"

FIELDS = ("id", "a", "b", "label", "kind", "lang", "topic", "split")
LABELS = ("contradiction", "consistent", "unrelated")
KINDS = ("numeric", "duration", "money", "percent", "hours", "frequency", "date", "polarity", "scope",
         "paraphrase", "same-topic-unrelated", "quantifier", "modality")
LANGS = ("en", "ar", "zh", "ko", "en-ar", "en-zh", "en-ko", "ar-en", "zh-en", "ko-en")
GROUPS = ("en", "ar", "zh", "ko", "cross")
SPLITS = ("train", "test")

# Kinds that only make sense with one label: a paraphrase or a scope difference is by
# definition not a contradiction, and a same-topic-unrelated pair is by definition unrelated.
KIND_LABEL = {"paraphrase": "consistent", "scope": "consistent", "same-topic-unrelated": "unrelated"}
# Kinds about how strongly a claim is made: a pair of them bears on the claim, so it is never unrelated.
NEVER_UNRELATED = ("quantifier", "modality")

# Floors the corpus promises its users (README "Size and balance").
MIN_TOTAL = 700
MIN_PER_GROUP = {"en": 250, "ar": 100, "zh": 100, "ko": 100, "cross": 150}
MIN_TEST_PER_GROUP = {"en": 30, "ar": 30, "zh": 30, "ko": 30, "cross": 40}
MIN_TOPICS = 40
TEST_TOPIC_SHARE = (0.22, 0.33)
LABEL_SHARE = {"contradiction": (0.35, 0.45), "consistent": (0.35, 0.45), "unrelated": (0.15, 0.25)}

ID_RE = re.compile(r"^[a-z][a-z0-9]*-?\d{4,}$")  # p0001 in pairs.jsonl; other files take their own prefix (q2-0001)
TOPIC_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
SCRIPTS = {
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ko": re.compile(r"[\uac00-\ud7a3]"),
}
ANY_FOREIGN = re.compile(r"[\u0600-\u06ff\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7a3]")


def group_of(lang: str) -> str:
    """The language group a pair counts towards: its language, or ``cross`` for a mixed pair."""
    return "cross" if "-" in lang else lang


def corpus_files(folder: Path = PAIRS_DIR) -> list[Path]:
    """The files the judge's loader reads: every ``pairs*.jsonl`` of the folder, in name order.

    Kept here rather than imported so that the script runs without the package installed.
    """
    return sorted(folder.glob("pairs*.jsonl"))


def load(path: Path = PAIRS_FILE) -> tuple[list[dict], list[str]]:
    """Rows of one file and the problems met while parsing it (bad JSON, non-object lines)."""
    rows, problems = [], []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            where = f"{path.name} line {n}"
            if not line.strip():
                problems.append(f"{where}: empty line (remove it)")
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"{where}: not JSON ({exc.msg} at column {exc.colno})")
                continue
            if not isinstance(row, dict):
                problems.append(f"{where}: a JSON object is expected, got {type(row).__name__}")
                continue
            rows.append(row)
    return rows, problems


def load_all(paths: Sequence[Path]) -> tuple[list[dict], list[str]]:
    """Rows of several files as one corpus, and their parse problems."""
    rows: list[dict] = []
    problems: list[str] = []
    for path in paths:
        more, found = load(path)
        rows += more
        problems += found
    return rows, problems


def _script_problem(text: str, lang: str) -> str | None:
    if lang == "en":
        return "English text holds Arabic, Chinese, Japanese or Korean letters" if ANY_FOREIGN.search(text) else None
    if not SCRIPTS[lang].search(text):
        return f"text has no {lang} letters"
    if lang == "zh" and SCRIPTS["ko"].search(text):
        return "Chinese text holds Hangul"
    return None


def row_problems(row: dict) -> list[str]:
    """Schema problems of one row, each naming the row and how to fix it."""
    rid = row.get("id", "?")
    out = []
    keys = set(row)
    if missing := [f for f in FIELDS if f not in keys]:
        return [f"{rid}: missing field(s) {', '.join(missing)}"]
    if extra := sorted(keys - set(FIELDS)):
        out.append(f"{rid}: unknown field(s) {', '.join(extra)} (allowed: {', '.join(FIELDS)})")
    if not isinstance(rid, str) or not ID_RE.match(rid):
        out.append(f"{rid}: id must be lower-case letters then at least four digits, like p0001")
    for field, allowed in (("label", LABELS), ("kind", KINDS), ("lang", LANGS), ("split", SPLITS)):
        if row[field] not in allowed:
            out.append(f"{rid}: {field} {row[field]!r} is not one of {', '.join(allowed)}")
    if not isinstance(row["topic"], str) or not TOPIC_RE.match(row["topic"]):
        out.append(f"{rid}: topic {row['topic']!r} must be a lower-case key like 'shipping-threshold'")
    for side in ("a", "b"):
        text = row[side]
        if not isinstance(text, str) or not text.strip():
            out.append(f"{rid}: {side} is empty")
        elif text != text.strip() or "  " in text or "\n" in text:
            out.append(f"{rid}: {side} has stray whitespace (leading/trailing, double space or newline)")
    if out:
        return out
    if row["a"] == row["b"]:
        out.append(f"{rid}: a and b are the same text")
    if row["kind"] in KIND_LABEL and row["label"] != KIND_LABEL[row["kind"]]:
        out.append(f"{rid}: kind {row['kind']} implies label {KIND_LABEL[row['kind']]}, got {row['label']}")
    if row["kind"] in NEVER_UNRELATED and row["label"] == "unrelated":
        out.append(f"{rid}: kind {row['kind']} takes contradiction or consistent, got unrelated")
    lang_a, _, lang_b = row["lang"].partition("-")
    for side, lang in (("a", lang_a), ("b", lang_b or lang_a)):
        if problem := _script_problem(row[side], lang):
            out.append(f"{rid}: {side} is filed as {lang} but {problem}")
    return out


def corpus_problems(rows: Sequence[dict]) -> list[str]:
    """Problems of the corpus as a whole: ids, duplicates, split integrity, floors and balance."""
    out = []
    ids = Counter(r.get("id") for r in rows)
    out += [f"{i}: id used {n} times" for i, n in sorted(ids.items(), key=str) if n > 1]
    seen: dict[tuple[str, str], str] = {}
    for r in rows:
        key = (r.get("a"), r.get("b"))
        if key in seen:
            out.append(f"{r.get('id')}: same a and b as {seen[key]}")
        else:
            seen[key] = r.get("id")
    splits_of: dict[str, set[str]] = {}
    for r in rows:
        splits_of.setdefault(r.get("topic"), set()).add(r.get("split"))
    out += [f"topic {t!r} is in both splits; every pair of a topic must share its split"
            for t, s in sorted(splits_of.items(), key=str) if len(s) > 1]

    total = len(rows)
    if total < MIN_TOTAL:
        out.append(f"{total} pairs, fewer than the {MIN_TOTAL} promised")
    groups = Counter(group_of(r["lang"]) for r in rows)
    test_groups = Counter(group_of(r["lang"]) for r in rows if r["split"] == "test")
    test_contra = Counter(group_of(r["lang"]) for r in rows if r["split"] == "test" and r["label"] == "contradiction")
    for g in GROUPS:
        if groups[g] < MIN_PER_GROUP[g]:
            out.append(f"group {g}: {groups[g]} pairs, fewer than {MIN_PER_GROUP[g]}")
        if test_groups[g] < MIN_TEST_PER_GROUP[g]:
            out.append(f"group {g}: {test_groups[g]} test pairs, fewer than {MIN_TEST_PER_GROUP[g]}")
        if not test_contra[g]:
            out.append(f"group {g}: no contradiction in the test split")
    cross = Counter(r["lang"] for r in rows if "-" in r["lang"])
    out += [f"cross-lingual direction {c} has no pair" for c in LANGS if "-" in c and not cross[c]]

    topics = {r["topic"] for r in rows}
    test_topics = {r["topic"] for r in rows if r["split"] == "test"}
    if len(topics) < MIN_TOPICS:
        out.append(f"{len(topics)} topics, fewer than {MIN_TOPICS}")
    lo, hi = TEST_TOPIC_SHARE
    if topics and not lo <= len(test_topics) / len(topics) <= hi:
        out.append(f"{len(test_topics)} of {len(topics)} topics are test; keep the share within {lo:.0%}-{hi:.0%}")
    labels = Counter(r["label"] for r in rows)
    for label, (lo, hi) in LABEL_SHARE.items():
        if total and not lo <= labels[label] / total <= hi:
            out.append(f"label {label}: {labels[label] / total:.1%} of pairs, outside {lo:.0%}-{hi:.0%}")
    test_kinds = {r["kind"] for r in rows if r["split"] == "test"}
    out += [f"kind {k} has no test pair" for k in KINDS if k not in test_kinds]
    return out


def problems(rows: Sequence[dict]) -> list[str]:
    """Every problem of the corpus: per-row schema first, then whole-corpus checks when rows are sound."""
    out = [p for r in rows for p in row_problems(r)]
    return out or corpus_problems(rows)


Key = Callable[[dict], str]


def _by(field: str) -> Key:
    return lambda r: r[field]


def _group(r: dict) -> str:
    return group_of(r["lang"])


def _grid(title: str, rows: Iterable[dict], row_of: Key, keys: Sequence[str], col_of: Key,
          cols: Sequence[str]) -> list[str]:
    """One count table: a row per key, a column per value, with totals."""
    counts = Counter((row_of(r), col_of(r)) for r in rows)
    width = max(len(k) for k in (*keys, title)) + 2
    lines = [f"{title:<{width}}" + "".join(f"{c:>15}" for c in (*cols, "total"))]
    for k in keys:
        vals = [counts[k, c] for c in cols]
        lines.append(f"{k:<{width}}" + "".join(f"{n:>15}" for n in (*vals, sum(vals))))
    col_totals = [sum(counts[k, c] for k in keys) for c in cols]
    lines.append(f"{'total':<{width}}" + "".join(f"{n:>15}" for n in (*col_totals, sum(col_totals))))
    return lines


def table(rows: Sequence[dict]) -> str:
    """Counts by language group, language, kind and split, as plain-text tables."""
    langs = [lang for lang in LANGS if any(r["lang"] == lang for r in rows)]
    kinds = [k for k in KINDS if any(r["kind"] == k for r in rows)]
    topics = sorted({r["topic"] for r in rows})
    test_topics = sorted({r["topic"] for r in rows if r["split"] == "test"})
    label, split = _by("label"), _by("split")
    grids = [
        _grid("group", rows, _group, GROUPS, label, LABELS),
        _grid("lang", rows, _by("lang"), langs, label, LABELS),
        _grid("kind", rows, _by("kind"), kinds, label, LABELS),
        _grid("group", rows, _group, GROUPS, split, SPLITS),
        _grid("test: group", [r for r in rows if r["split"] == "test"], _group, GROUPS, label, LABELS),
        [f"{len(topics)} topics, {len(test_topics)} test ({len(test_topics) / max(1, len(topics)):.0%}): "
         + ", ".join(test_topics)],
    ]
    return "\n\n".join("\n".join(g) for g in grids)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    paths = [Path(a) for a in args] or corpus_files()
    if not paths:
        print(f"problem: no pairs*.jsonl in {PAIRS_DIR}", file=sys.stderr)
        return 1
    rows, found = load_all(paths)
    row_level = [p for r in rows for p in row_problems(r)]
    if not row_level:  # the table needs sound rows; otherwise show only what to fix
        print(table(rows))
        found += corpus_problems(rows)
    found += row_level
    for p in found:
        print(f"problem: {p}", file=sys.stderr)
    print(f"{', '.join(p.name for p in paths)}: {len(rows)} pairs, {len(found)} problem(s)", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
