"""Chinese negations that do not deny the statement's main predicate: inside a noun's attributive
clause (无法再修补的旧鞋), inside a condition or concession (一旦…就, 即使, …的话), in a question the
statement then answers (颜色不喜欢？…), and number bounds (不超过, 不低于)."""

import pytest

from consistency.judge.cues import cue_features, polarity_cues


def _negs(text: str) -> list[str]:
    return [c.text for c in polarity_cues(text, "zh") if c.kind == "negation"]


@pytest.mark.parametrize("text", [
    "无法再修补的旧鞋会交给合作工厂粉碎再生。",      # a longer phrase before 的 + noun
    "不能退换的特价商品会在页面上单独标注。",        # an auxiliary inside the attributive
    "未满88元的订单需支付六元运费。",               # an amount inside the attributive
    "对没有绑定手机号的账户，我们会发送邮件提醒。",   # after a preposition
    "外套在未拆吊牌、包装完好的情况下可以退回。",     # a list of conditions, only the first negated
    "颜色不喜欢？收货七天内都可以换一件。",          # a question the statement answers
    "不满意的话，三十天内可以全额退款。",            # …的话
    "只要不拆封，礼盒随时可以退。",                 # 只要
    "就算不买会员，也可以参加周末市集。",             # concession
])
def test_negation_outside_the_main_predicate_denies_nothing(text: str) -> None:
    assert _negs(text) == []


@pytest.mark.parametrize("text, neg", [
    ("我们不出售您的购物记录。", "不"),                         # pronoun + 的: the object of the denied verb
    ("门店将不公布供应商的采购价格。", "不"),                    # 将 is "will" here, not a preposition
    ("我们只公开年度摘要，不公布各家工厂的结果。", "不"),         # subject left out after a comma
    ("定制款一旦开始制作就不能取消。", "不"),                    # the main clause after 一旦…就
    ("未成年人即使有家长同意也无法开通信用支付。", "无"),         # the main clause after 即使…也
])
def test_negation_of_the_main_predicate_still_counts(text: str, neg: str) -> None:
    assert neg in "".join(_negs(text))


@pytest.mark.parametrize("text", ["每周的营销短信不超过两条。", "仓库员工的时薪不低于三十元。"])
def test_a_number_bound_is_no_denial(text: str) -> None:
    assert _negs(text) == []


def test_only_the_side_that_denies_its_predicate_counts_as_negated() -> None:
    # the other side's 无法 sits inside "the shoes that cannot be repaired": the pair has a one-sided negation
    feats = cue_features("回收的旧鞋不会被焚烧。", "zh", "无法再修补的旧鞋会送去焚烧处理。", "zh")
    assert feats["neg_xor"] == 1.0 and feats["neg_a"] == 1.0 and feats["neg_b"] == 0.0


@pytest.mark.parametrize("text", ["忘带会员卡也没关系，报手机号就能积分。", "用积分抵扣运费没问题。", "对坚果过敏也不用担心。",
                                  "小票丢了不要紧，凭订单号也能退。"])
def test_reassurance_is_no_denial(text: str) -> None:
    assert _negs(text) == []


def test_a_real_denial_next_to_a_reassurance_still_counts() -> None:
    assert _negs("我们没有出售任何会员数据。") == ["没有"]


def test_never_charging_a_fee_is_the_free_pole_like_not_charging() -> None:
    assert _negs("我们从不收取改衣服务费。") == _negs("改衣不收任何服务费。") == []
    assert _negs("我们从不出售会员数据。") == ["从不"]


def test_no_questions_asked_returns_is_a_policy_name_not_a_denial() -> None:
    assert _negs("门店支持十五天无理由退货。") == []
    assert _negs("退货无需说明理由。") == ["无"]


@pytest.mark.parametrize("text, negs", [
    ("無法再修補的舊鞋會送去焚燒處理。", []),
    ("尺碼不合適？七天內都可以換。", []),
    ("每週簡訊不超過兩條。", []),
    ("發票遺失也沒關係，憑訂單號就能退。", []),
    ("門市支援七天無理由退貨。", []),
    ("定製款一旦開始製作就不能取消。", ["不"]),
    ("我們不出售您的購物紀錄。", ["不"]),
])
def test_traditional_forms(text: str, negs: list[str]) -> None:
    assert _negs(text) == negs
