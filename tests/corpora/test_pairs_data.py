"""The labelled pair corpus (corpora/pairs): schema, split integrity, promised floors, and its guard.

The judge trains on the train split and reports figures on the test split, so a broken row or a
topic leaking across splits would bend every number quietly. These tests run the same checks as
``python corpora/pairs/validate.py`` and prove that the checks catch what they claim to catch.
"""

import copy
import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

from consistency.judge.data import PAIRS_DIR, load_brand_pairs, pair_files

VALIDATE = Path(__file__).resolve().parents[2] / "corpora" / "pairs" / "validate.py"


def _load_validator():
    spec = importlib.util.spec_from_file_location("pairs_validate", VALIDATE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


v = _load_validator()


PAIRS_FILE = PAIRS_DIR / "pairs.jsonl"


@pytest.fixture(scope="module")
def rows():
    loaded, parse_problems = v.load_all(v.corpus_files())
    assert parse_problems == []
    return loaded


def test_validator_reads_the_files_the_judge_trains_on():
    assert v.corpus_files() == pair_files()
    assert PAIRS_FILE in pair_files()


def test_corpus_passes_every_check(rows):
    assert v.problems(rows) == []


def test_schema_of_every_row(rows):
    for r in rows:
        assert set(r) == set(v.FIELDS), r["id"]
        assert r["label"] in v.LABELS and r["kind"] in v.KINDS and r["lang"] in v.LANGS, r["id"]
        assert r["split"] in v.SPLITS, r["id"]


def test_ids_of_the_main_file_are_sequential():
    main_rows, _ = v.load(PAIRS_FILE)
    assert [r["id"] for r in main_rows] == [f"p{i:04d}" for i in range(1, len(main_rows) + 1)]


def test_every_topic_sits_in_one_split(rows):
    splits = {}
    for r in rows:
        splits.setdefault(r["topic"], set()).add(r["split"])
    assert all(len(s) == 1 for s in splits.values())
    test_topics = [t for t, s in splits.items() if s == {"test"}]
    assert len(splits) >= 40
    lo, hi = v.TEST_TOPIC_SHARE
    assert lo <= len(test_topics) / len(splits) <= hi


def test_every_topic_is_written_in_several_languages(rows):
    groups = {}
    for r in rows:
        groups.setdefault(r["topic"], set()).add(v.group_of(r["lang"]))
    assert all(g == set(v.GROUPS) for g in groups.values()), {t: g for t, g in groups.items() if len(g) < 5}


@pytest.mark.parametrize("group", v.GROUPS)
def test_group_floors(rows, group):
    mine = [r for r in rows if v.group_of(r["lang"]) == group]
    test = [r for r in mine if r["split"] == "test"]
    assert len(mine) >= v.MIN_PER_GROUP[group]
    assert len(test) >= v.MIN_TEST_PER_GROUP[group]
    assert any(r["label"] == "contradiction" for r in test)
    # Both labels that a binary judge separates must be present in the held-out part of each group.
    assert any(r["label"] != "contradiction" for r in test)


def test_cross_lingual_pairs_cover_both_directions_of_each_language(rows):
    directions = Counter(r["lang"] for r in rows if "-" in r["lang"])
    for lang in ("ar", "zh", "ko"):
        assert directions[f"en-{lang}"] >= 20 and directions[f"{lang}-en"] >= 20


def test_label_balance(rows):
    share = {label: n / len(rows) for label, n in Counter(r["label"] for r in rows).items()}
    assert 0.35 <= share["contradiction"] <= 0.45
    assert 0.35 <= share["consistent"] <= 0.45
    assert 0.15 <= share["unrelated"] <= 0.25


def test_test_split_covers_every_kind_with_each_label_it_allows(rows):
    test = [r for r in rows if r["split"] == "test"]
    seen = {(r["kind"], r["label"]) for r in test}
    for kind in v.KINDS:
        allowed = [v.KIND_LABEL[kind]] if kind in v.KIND_LABEL else ["contradiction", "consistent"]
        for label in allowed:
            assert (kind, label) in seen, (kind, label)


def test_contradictions_without_any_digit_are_plentiful(rows):
    """The learned classifier needs contradictions that no number rule can catch."""
    wordy = [r for r in rows if r["label"] == "contradiction"
             and not any(ch.isdigit() for ch in r["a"] + r["b"])]
    assert len(wordy) >= 100


def test_loader_reads_every_pair_as_labelled(rows):
    pairs = load_brand_pairs()
    assert len(pairs) == len(rows)
    for p, r in zip(pairs, rows):
        assert (p.id, p.a, p.b, p.label, p.kind, p.topic, p.split) == (
            r["id"], r["a"], r["b"], r["label"], r["kind"], r["topic"], r["split"])
        assert p.contradiction == (r["label"] == "contradiction")
        assert p.group == v.group_of(r["lang"])
        assert f"{p.lang_a}-{p.lang_b}" == r["lang"] or p.lang_a == p.lang_b == r["lang"]
    assert len(load_brand_pairs(split="test")) == sum(r["split"] == "test" for r in rows)


# The guard itself: each check must fire on the mistake it exists for.

def test_guard_flags_a_topic_in_both_splits(rows):
    broken = copy.deepcopy(rows)
    first_test = next(r for r in broken if r["split"] == "test")
    first_test["split"] = "train"
    assert any(f"topic {first_test['topic']!r} is in both splits" in p for p in v.problems(broken))


def test_guard_flags_a_duplicate_id_and_a_duplicate_pair(rows):
    broken = copy.deepcopy(rows)
    broken.append(dict(broken[0]))
    found = v.problems(broken)
    assert f"{broken[0]['id']}: id used 2 times" in found
    assert any("same a and b as" in p for p in found)


@pytest.mark.parametrize(("field", "value", "message"), [
    ("label", "contradicts", "label 'contradicts' is not one of"),
    ("kind", "numbers", "kind 'numbers' is not one of"),
    ("lang", "en-ja", "lang 'en-ja' is not one of"),
    ("split", "dev", "split 'dev' is not one of"),
    ("topic", "Returns Policy", "must be a lower-case key"),
    ("id", "1", "id must be lower-case letters then at least four digits"),
    ("b", "", "b is empty"),
    ("a", "Returns are free  within 30 days.", "stray whitespace"),
])
def test_guard_flags_a_malformed_field(rows, field, value, message):
    row = dict(rows[0], **{field: value})
    assert any(message in p for p in v.row_problems(row))


def test_guard_flags_a_missing_or_unknown_field(rows):
    missing = {k: val for k, val in rows[0].items() if k != "topic"}
    assert v.row_problems(missing) == [f"{rows[0]['id']}: missing field(s) topic"]
    extra = dict(rows[0], note="x")
    assert any("unknown field(s) note" in p for p in v.row_problems(extra))


def test_guard_flags_text_filed_under_the_wrong_language():
    row = {"id": "p0001", "a": "Returns are free within 30 days.", "b": "Free returns for a month.",
           "label": "consistent", "kind": "paraphrase", "lang": "en-zh", "topic": "returns", "split": "train"}
    assert v.row_problems(row) == ["p0001: b is filed as zh but text has no zh letters"]
    korean_as_chinese = dict(row, lang="zh", a="退货免费。", b="반품은 무료입니다 退货")
    assert any("Chinese text holds Hangul" in p for p in v.row_problems(korean_as_chinese))
    arabic_in_english = dict(row, lang="en", b="الإرجاع مجاني")
    assert any("English text holds" in p for p in v.row_problems(arabic_in_english))


def test_guard_flags_a_kind_that_contradicts_its_label(rows):
    row = dict(next(r for r in rows if r["kind"] == "paraphrase"), label="contradiction")
    assert any("kind paraphrase implies label consistent" in p for p in v.row_problems(row))


def test_guard_flags_an_unrelated_quantifier_or_modality_pair(rows):
    row = dict(next(r for r in rows if r["kind"] == "modality"), label="unrelated")
    assert any("kind modality takes contradiction or consistent" in p for p in v.row_problems(row))


def test_guard_flags_a_corpus_below_its_floors(rows):
    small = [r for r in rows if r["lang"] != "ko"]
    found = v.problems(small)
    assert "group ko: 0 pairs, fewer than 100" in found
    assert "group ko: no contradiction in the test split" in found


def test_script_exit_codes(tmp_path, capsys):
    assert v.main([]) == 0
    assert capsys.readouterr().err.strip().endswith(" 0 problem(s)")
    bad = tmp_path / "pairs.jsonl"
    lines = PAIRS_FILE.read_text(encoding="utf-8").splitlines()
    row = json.loads(lines[0])
    row["label"] = "maybe"
    bad.write_text("\n".join([json.dumps(row, ensure_ascii=False), *lines[1:], "{not json"]) + "\n",
                   encoding="utf-8")
    assert v.main([str(bad)]) == 1
    err = capsys.readouterr().err
    assert "label 'maybe' is not one of" in err
    assert f"pairs.jsonl line {len(lines) + 1}: not JSON" in err
