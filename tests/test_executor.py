"""The same check gives the same findings in one process, in worker processes and on a Dask cluster."""

import pytest

from consistency.check import judge_units, make_units
from consistency.config.loader import load_config
from consistency.executor import ProcessExecutor, SerialExecutor, make_executor
from consistency.types import Statement

TEXTS = [
    ("Free returns within 30 days of delivery.", "en", "commitment"),
    ("You can return items within 14 days.", "en", "message"),
    ("Returns are accepted for 30 days after delivery.", "en", "message"),
    ("يمكنك إرجاع المنتجات خلال ١٤ يومًا.", "ar", "message"),
    ("We never sell your personal data.", "en", "commitment"),
    ("We sell your purchase history to advertising partners.", "en", "message"),
    ("我们绝不出售您的个人数据。", "zh", "message"),
    ("Support is available 24/7.", "en", "commitment"),
    ("고객센터는 평일 오전 9시부터 오후 6시까지 운영합니다.", "ko", "message"),
    ("Our new linen collection is here.", "en", "message"),
]


def statements():
    return [Statement(doc_id=f"d{i}", text=t, lang=lang, start=0, end=len(t), source_type="site",
                      url=f"https://brand.example/{i}", kind=kind) for i, (t, lang, kind) in enumerate(TEXTS)]


def run(judge, executor):
    cfg = load_config(None)
    result = judge_units(make_units(statements()), judge, None, top_k=5, min_similarity=0.2,
                         executor=executor, cfg=cfg)
    return [(f.id, f.code, round(f.score, 4)) for f in result.findings], result.pairs_judged


def test_worker_processes_give_the_same_findings_as_one_process(judge, monkeypatch):
    monkeypatch.setattr("consistency.check.JUDGE_CHUNK", 3)  # several chunks, so the workers share the work
    serial = run(judge, SerialExecutor())
    assert serial[1] > 0
    with ProcessExecutor(2) as ex:
        assert run(judge, ex) == serial


@pytest.mark.slow
def test_a_local_dask_cluster_gives_the_same_findings(judge, monkeypatch):
    pytest.importorskip("distributed", reason="needs the `dask` extra")
    monkeypatch.setattr("consistency.check.JUDGE_CHUNK", 3)
    serial = run(judge, SerialExecutor())
    with make_executor("dask", workers=2) as ex:
        assert run(judge, ex) == serial


def _worker_threads(_: int) -> str:
    import os

    from consistency.executor import WORKER_THREADS

    return os.environ.get(WORKER_THREADS, "")


def test_worker_processes_share_the_cores_between_them(monkeypatch):
    """Each worker's encoder gets its share of the cores, so workers do not compete for them."""
    monkeypatch.setattr("os.cpu_count", lambda: 4)
    with ProcessExecutor(2) as ex:
        assert ex.map(_worker_threads, [1, 2]) == ["2", "2"]
    with ProcessExecutor(8) as ex:
        assert set(ex.map(_worker_threads, [1, 2])) == {"1"}


def test_unknown_executor_is_a_config_error():
    from consistency.errors import ConfigError

    with pytest.raises(ConfigError, match="executor"):
        make_executor("spark")


def test_statements_built_in_worker_processes_match_one_process(tmp_path, monkeypatch):
    """`--workers N` builds statements in processes: the store ends up the same."""
    from consistency import api

    site = tmp_path / "notes"
    site.mkdir()
    for i in range(6):
        (site / f"p{i}.md").write_text(f"# Page {i}\n\nFree returns within {30 + i} days of delivery. "
                                      f"Our team answers every message within {i + 1} hours.\n", "utf-8")
    monkeypatch.setattr("consistency.api.BUILD_CHUNK", 2)  # several chunks for the workers

    def built(executor, name):
        cfg = load_config(None, {"store.path": str(tmp_path / f"{name}.sqlite")})
        cfg.sources.append({"type": "files", "path": str(site / "*.md")})
        api.crawl(cfg, executor=executor)
        with api.open_store(cfg) as store:
            return sorted((s.text, s.lang, s.kind, s.start, s.end) for s in store.statements())

    serial = built(SerialExecutor(), "serial")
    assert len(serial) >= 12
    with ProcessExecutor(2) as ex:
        assert built(ex, "workers") == serial


def test_unchanged_rerun_reuses_candidate_pairs_and_verdicts(judge, tmp_path, monkeypatch):
    """The second run with the same statements builds no index and judges nothing: caches answer."""
    from consistency import check as check_mod
    from consistency.store import Store

    cfg = load_config(None)
    with Store(tmp_path / "s.sqlite") as store:
        first = judge_units(make_units(statements()), judge, store, top_k=5, min_similarity=0.2, cfg=cfg)
        calls = []
        monkeypatch.setattr(check_mod, "candidate_pairs", lambda *a, **k: calls.append(1) or [])
        again = judge_units(make_units(statements()), judge, store, top_k=5, min_similarity=0.2, cfg=cfg)
        assert calls == [] and again.cached_verdicts == again.pairs_judged == first.pairs_judged > 0
        assert [f.id for f in again.findings] == [f.id for f in first.findings]
        changed = statements()[:-1]  # one statement fewer: the pairs must be searched again
        judge_units(make_units(changed), judge, store, top_k=5, min_similarity=0.2, cfg=cfg)
        assert calls == [1]
