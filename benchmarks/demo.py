"""Score a check of the demo corpus against what was planted in it (corpora/demo/expected.json).

    python benchmarks/demo.py [--report reports/demo/report.json] [--json]

Without --report, runs `consistency check` on the demo (offline) into a temporary folder first.
A planted contradiction is found when a finding's two statements contain its ``a`` and ``b``
substrings (``a_also`` lists ``a`` as the brand's own translated pages state it: the same
contradiction met again in another language); a planted words-versus-deeds case when a finding has its code, its commitment
contains ``a`` and the behaviour was seen at ``where``. Recall is over every planted case;
precision is the share of findings that match a planted case. Near misses that were reported
are listed by id: they are the false positives the corpus was built to provoke.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from collections.abc import Sequence
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "corpora" / "demo"


def _texts(finding: dict[str, Any]) -> tuple[str, str]:
    a, b = finding["statements"]
    return a["text"], b["text"]


def _pair_match(finding: dict[str, Any], a: str, b: str, a_also: Sequence[str] = ()) -> bool:
    """The finding's two statements hold ``a`` (or one of its translations, ``a_also``) and ``b``."""
    x, y = _texts(finding)
    return any((s in x and b in y) or (s in y and b in x) for s in (a, *a_also))


def _deed_match(finding: dict[str, Any], case: dict[str, Any]) -> bool:
    if finding["code"] != case["code"]:
        return False
    commitment, behaviour = finding["statements"]
    places = {behaviour.get("url")} | {o.get("url") for o in behaviour.get("occurrences", [])}
    return case["a"] in commitment["text"] and (not case.get("where") or case["where"] in places)


def score(report: dict[str, Any], expected: dict[str, Any]) -> dict[str, Any]:
    findings = report["findings"]
    planted = [(c["id"], lambda f, c=c: _pair_match(f, c["a"], c["b"], c.get("a_also", ())))
               for c in expected["contradictions"]]
    planted += [(d["id"], lambda f, d=d: _deed_match(f, d)) for d in expected.get("deeds", [])]
    found = {pid: [f["id"] for f in findings if match(f)] for pid, match in planted}
    matched_findings = {fid for ids in found.values() for fid in ids}
    near = {n["id"]: [f["id"] for f in findings if _pair_match(f, n["a"], n["b"])]
            for n in expected.get("near_misses", [])}
    read_urls = {o["url"] for f in findings for s in f["statements"] for o in s.get("occurrences", [])}
    leaked = [u for u in expected.get("never_read", []) if u in read_urls]
    n = len(findings)
    return {
        "planted": len(planted),
        "found": sum(bool(v) for v in found.values()),
        "recall": round(sum(bool(v) for v in found.values()) / max(1, len(planted)), 3),
        "findings": n,
        "precision": round(len(matched_findings) / n, 3) if n else 1.0,
        "missed": sorted(pid for pid, v in found.items() if not v),
        "near_misses_reported": sorted(nid for nid, v in near.items() if v),
        "unmatched_findings": [
            {"id": f["id"], "code": f["code"], "a": _texts(f)[0][:90], "b": _texts(f)[1][:90]}
            for f in findings if f["id"] not in matched_findings
        ],
        "never_read_leaked": leaked,
    }


def run_demo(out_dir: Path) -> dict[str, Any]:
    from consistency import api

    cfg = api.load_config(DEMO / "consistency.toml",
                          {"store.path": str(out_dir / "store.sqlite"), "check.output_dir": str(out_dir),
                           "check.formats": ["json"]})
    return api.check(cfg, offline=True).report


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--report", type=Path, help="a report.json of the demo (default: run the check now)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    expected = json.loads((DEMO / "expected.json").read_text("utf-8"))
    if args.report:
        report = json.loads(args.report.read_text("utf-8"))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            report = run_demo(Path(tmp))
    result = score(report, expected)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(f"recall {result['recall']} ({result['found']}/{result['planted']} planted cases found), "
              f"precision {result['precision']} over {result['findings']} findings")
        print("missed:", ", ".join(result["missed"]) or "none")
        print("near misses reported:", ", ".join(result["near_misses_reported"]) or "none")
        for f in result["unmatched_findings"]:
            print(f"  unmatched {f['code']}: {f['a']}  ||  {f['b']}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
