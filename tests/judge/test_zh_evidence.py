"""Chinese evidence: dates in Chinese numerals, "no extra charge" and "no exception" phrasing,
"mainly" quantifiers, coverbs after 不, and words for "at once" / "the next day"."""

import pytest

from consistency.judge.contrast import contrast_features
from consistency.judge.cues import polarity_cues
from consistency.judge.slots import extract_slots


def _slots(text: str) -> list[tuple[str, object]]:
    return [(s.type, s.value) for s in extract_slots(text, "zh")]


def _cues(text: str) -> list[tuple[str, str]]:
    return [(c.key, c.text) for c in polarity_cues(text, "zh")]


@pytest.mark.parametrize("text, value", [
    ("新会员礼包从二〇二六年三月起发放。", "2026-03"),
    ("自二〇二五年七月一日起，门店均提供纸袋。", "2025-07-01"),
    ("旧版会员卡二〇二四年十二月三十一日前停用。", "2024-12-31"),
    ("自2025年9月1日起调整运费。", "2025-09-01"),
])
def test_year_month_day_in_chinese_numerals_is_one_date(text: str, value: str) -> None:
    dates = [v for t, v in _slots(text) if t == "date"]
    assert dates == [value]


def test_impossible_month_is_not_read_as_a_date() -> None:
    assert [v for t, v in _slots("2024年13月的活动") if t == "date"] == [2024]


@pytest.mark.parametrize("text", ["靠枕送货上门不另收费。", "门店自提不收取任何服务费。", "换成燕麦奶不用多付钱。",
                                  "结算金额无任何隐藏费用。"])
def test_no_extra_charge_is_the_free_pole_not_a_denial(text: str) -> None:
    assert not any(k == "neg" for k, _ in _cues(text))
    assert contrast_features(text, "送货上门每单加收十五元。")["free_paid"] == 1.0


def test_no_extra_charge_against_free_is_no_contrast() -> None:
    assert contrast_features("礼品包装免费。", "礼品包装不另收费。")["free_paid"] == 0.0


def test_refusing_cash_is_still_a_denial() -> None:
    assert ("neg", "不") in _cues("门店不收现金。")


@pytest.mark.parametrize("text", ["我们回收所有旧鞋，运动鞋也不例外。", "所有门店无一例外都使用再生纸袋。"])
def test_no_exception_means_all(text: str) -> None:
    cues = _cues(text)
    assert not any(k == "neg" for k, _ in cues)
    assert any(k == "univ" for k, _ in cues)


@pytest.mark.parametrize("text", ["客服团队以外包人员为主。", "我们的茶叶主要来自福建。"])
def test_mainly_is_a_share_not_all(text: str) -> None:
    assert any(k == "exist" for k, _ in _cues(text))


def test_coverb_after_bu_denies_the_predicate() -> None:
    # "不把…的…计入": 不 negates 计入, it does not describe the noun after 的
    assert ("neg", "不") in _cues("我们不把赠送的积分计入会员等级。")
    # while 未 + verb + 的 still describes the goods
    assert not any(k == "neg" for k, _ in _cues("未拆封的商品可以退货。"))


@pytest.mark.parametrize("text, later", [("礼品卡购买后即刻激活。", "礼品卡购买一周后激活。"),
                                         ("旧衣投递后当场发放抵用金。", "旧衣投递一周后发放抵用金。")])
def test_at_once_is_a_wait_that_differs_from_a_week(text: str, later: str) -> None:
    from consistency.judge.slots import slot_features
    assert [s.type for s in extract_slots(text, "zh")] == ["duration"]
    assert slot_features(text, "zh", later, "zh").get("differ") == 1.0
