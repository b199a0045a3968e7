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


def test_unknown_executor_is_a_config_error():
    from consistency.errors import ConfigError

    with pytest.raises(ConfigError, match="executor"):
        make_executor("spark")
