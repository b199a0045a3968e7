"""How the check grows with the corpus: a synthetic multilingual corpus of N statements, with
planted contradictions, through the whole pipeline after collection.

    python benchmarks/scale.py --statements 10000 [--langs en,ar,zh,ko] [--json] [--rerun] [--profile]

Prints statements, seconds (total), embed_seconds, pairs_judged, findings, peak_rss_mb and
per-stage seconds. peak_rss_mb is the cold run's peak (the process's maximum resident set, so
it includes the loaded models). With --rerun, runs the same check again on the same store
(everything cached) and reports that time, whether the findings are identical, and the peak after it.
With --profile, also reports the resident set (now and peak so far) at the start and end of every
stage, so the stage that raises the peak shows.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from consistency.check import judge_units, make_units  # noqa: E402
from consistency.store import Store  # noqa: E402
from consistency.types import Document, Statement  # noqa: E402

# (commitment template, message template) per language; {n} a number, {x} a filler word.
TEMPLATES = {
    "en": [
        ("Free returns within {n} days of delivery for {x} orders.", "You can return your {x} order within {n} days."),
        ("Free shipping on all {x} orders over ${n}.", "Orders of {x} over ${n} ship for free."),
        ("Our {x} support team answers every message within {n} hours.", "Expect a reply about {x} within {n} hours."),
        ("All {x} packaging is {n}% recycled material.", "Our {x} boxes use {n}% recycled cardboard."),
        ("We will reach net zero across {x} operations by 20{n}.", "Net zero for {x} is our goal for 20{n}."),
        ("Every {x} product carries a {n}-year warranty.", "The {x} range comes with a {n}-year warranty."),
    ],
    "ar": [
        ("يمكنك إرجاع طلبات {x} مجانًا خلال {n} يومًا.", "إرجاع منتجات {x} متاح خلال {n} يومًا."),
        ("الشحن مجاني لطلبات {x} التي تزيد على {n} دولار.", "شحن مجاني لطلبات {x} فوق {n} دولار."),
        ("نرد على كل رسالة بخصوص {x} خلال {n} ساعة.", "سنرد على استفسارات {x} خلال {n} ساعة."),
    ],
    "zh": [
        ("{x}订单支持{n}天内免费退货。", "{x}商品可在{n}天内退货。"),
        ("{x}订单满{n}元包邮。", "购买{x}满{n}元即可免运费。"),
        ("我们会在{n}小时内回复所有关于{x}的留言。", "关于{x}的咨询我们会在{n}小时内答复。"),
    ],
    "ko": [
        ("{x} 주문은 {n}일 이내 무료 반품이 가능합니다.", "{x} 상품은 {n}일 이내에 반품할 수 있습니다."),
        ("{x} 주문 {n}만원 이상 무료배송입니다.", "{x} 제품은 {n}만원 이상 구매 시 무료로 배송됩니다."),
        ("{x} 관련 문의에는 {n}시간 이내에 답변드립니다.", "{x} 문의는 {n}시간 안에 답변해 드립니다."),
    ],
}
FILLERS = ["linen", "denim", "kids", "outdoor", "wool", "home", "bath", "kitchen", "garden", "travel", "sport",
           "office", "winter", "summer", "studio", "classic", "organic", "everyday", "evening", "weekend"]
STORY = {
    "en": "Our {x} team in store {n} tried something new this week.",
    "ar": "جرّب فريق {x} في المتجر رقم {n} شيئًا جديدًا هذا الأسبوع.",
    "zh": "我们第{n}号门店的{x}团队本周尝试了新做法。",
    "ko": "{n}번 매장의 {x} 팀이 이번 주에 새로운 시도를 했습니다.",
}


def synthetic(n: int, langs: list[str], seed: int = 0) -> tuple[list[Statement], int]:
    """N statements: ~5% commitments, ~20% paraphrases of them (1 in 5 with a changed number), the
    rest unrelated stories. Returns the statements and the number of planted contradictions."""
    rng = random.Random(seed)
    out: list[Statement] = []
    planted = 0
    doc = 0
    while len(out) < n:
        lang = langs[len(out) % len(langs)]
        filler = f"{rng.choice(FILLERS)}-{rng.randrange(10**6)}"
        roll = rng.random()
        num = rng.randrange(2, 90)
        if roll < 0.05:
            c, m = rng.choice(TEMPLATES[lang])
            text, kind = c.format(n=num, x=filler), "commitment"
            out.append(_st(text, lang, kind, doc))
            for _ in range(4):
                changed = rng.random() < 0.2
                planted += changed
                out.append(_st(m.format(n=num + (7 if changed else 0), x=filler), lang, "message", doc + 1))
            doc += 2
        else:
            out.append(_st(STORY[lang].format(n=num * 1000 + len(out), x=filler), lang, "message", doc))
            doc += rng.random() < 0.05
    return out[:n], planted


def _st(text: str, lang: str, kind: str, doc: int) -> Statement:
    url = f"https://www.brand.example/p/{doc}"
    return Statement(doc_id=Document("s", "site", url, "").id, text=text, lang=lang, start=0, end=len(text),
                     source_type="site", url=url, kind=kind)


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _rss_mb() -> float:
    """The resident set now (Linux /proc; 0 elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0


class MemoryObserver:
    """An observer that records (checkpoint, RSS MB now, peak RSS MB so far) at every stage boundary."""

    def __init__(self) -> None:
        self.marks: list[tuple[str, float, float]] = []
        self._stage = ""

    def mark(self, name: str) -> None:
        self.marks.append((name, _rss_mb(), _peak_mb()))

    def start(self, stage: str, total: int | None = None) -> None:
        self._stage = stage.split(" ")[0]
        self.mark(f"{self._stage} start")

    def advance(self, n: int = 1, note: str = "") -> None:
        pass

    def finish(self) -> None:
        self.mark(f"{self._stage} end")

    def log(self, message: str) -> None:
        pass


def run(n: int, langs: list[str], rerun: bool, workers: int, profile: bool = False) -> dict[str, object]:
    from consistency.api import load_judge
    from consistency.config.loader import load_config
    from consistency.executor import make_executor
    from consistency.progress import QUIET

    memory = MemoryObserver()
    memory.mark("start")
    judge = load_judge()
    memory.mark("judge loaded")
    t_all = time.perf_counter()
    t = time.perf_counter()
    statements, planted = synthetic(n, langs)
    gen_s = time.perf_counter() - t
    memory.mark("statements generated")
    cfg = load_config()
    executor = make_executor("local", workers)  # more than one: embedding and judging run in worker processes
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.sqlite") as store:
        t0 = time.perf_counter()
        units = make_units(statements)
        t_units = time.perf_counter() - t0
        memory.mark("units made")
        result = judge_units(units, judge, store, top_k=12, min_similarity=0.45,
                             observer=memory if profile else QUIET, executor=executor, cfg=cfg)
        total = time.perf_counter() - t0
        memory.mark("findings made")
        out: dict[str, object] = {
            "statements": n,
            "distinct_statements": len(units),
            "planted_contradictions": planted,
            "seconds": round(total, 2),
            "embed_seconds": round(result.timings["embed"], 2),
            "pairs_judged": result.pairs_judged,
            "findings": len(result.findings),
            "stage_seconds": {"units": round(t_units, 2), **{k: round(v, 2) for k, v in result.timings.items()}},
            "generate_seconds": round(gen_s, 2),
        }
        out["peak_rss_mb"] = _peak_mb()  # the cold run's peak, before a re-run adds its own objects
        if profile:
            out["rss_mb"] = [{"at": name, "now": now, "peak": peak} for name, now, peak in memory.marks]
        if rerun:
            first_ids = [f.id for f in result.findings]
            del result, units
            t0 = time.perf_counter()
            again = judge_units(make_units(statements), judge, store, top_k=12, min_similarity=0.45,
                                executor=executor, cfg=cfg)
            out["rerun_seconds"] = round(time.perf_counter() - t0, 2)
            out["rerun_share_of_cold"] = round(float(out["rerun_seconds"]) / max(total, 1e-9), 3)
            out["rerun_same_findings"] = [f.id for f in again.findings] == first_ids
            out["peak_rss_mb_with_rerun"] = _peak_mb()
    executor.close()
    out["wall_seconds_with_setup"] = round(time.perf_counter() - t_all, 2)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--statements", type=int, default=10_000)
    ap.add_argument("--langs", default="en,ar,zh,ko")
    ap.add_argument("--rerun", action="store_true", help="also time an unchanged re-run")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--profile", action="store_true", help="also report the resident set at every stage boundary")
    args = ap.parse_args()
    result = run(args.statements, args.langs.split(","), args.rerun, args.workers, args.profile)
    print(json.dumps(result, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
