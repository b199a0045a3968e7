"""Polarity, quantifier and modality cues, and the deterministic polarity rule (C201)."""

import pytest

from consistency.judge.cues import (cue_features, difference_spans, polarity_conflict,
                                    polarity_cues)


def negations(text, lang):
    return [c.text for c in polarity_cues(text, lang) if c.kind == "negation"]


@pytest.mark.parametrize("text, lang, expected", [
    ("We never sell your data.", "en", ["never"]),
    ("We don't share it and won't sell it.", "en", ["n't", "n't"]),
    ("Returns without receipts are not accepted.", "en", ["without", "not"]),
    ("لا نبيع بياناتك ولن نشاركها", "ar", ["لا", "ولن"]),
    ("我们从不出售数据，也没有广告", "zh", ["从不", "没有"]),
    ("개인정보를 판매하지 않습니다. 수수료가 없습니다.", "ko", ["않", "없"]),
    ("절대 안 팔아요", "ko", ["안"]),
])
def test_negations_are_found_with_spans(text, lang, expected):
    cues = [c for c in polarity_cues(text, lang) if c.kind == "negation"]
    assert [c.text for c in cues] == expected
    assert all(text[c.start:c.end] == c.text for c in cues)


@pytest.mark.parametrize("text, lang", [
    ("Not only do we recycle, we reuse.", "en"),
    ("Orders ship no later than Friday and cost no more than $5.", "en"),
    ("خلال 14 يومًا من الاستلام", "ar"),  # لا hides inside خلال and الاستلام
    ("不同的产品不仅有不锈钢款", "zh"),
    ("상자 안에 설명서가 있습니다", "ko"),  # 안에 is "inside"
    ("It has never been easier to return an item.", "en"),  # an idiom that affirms
])
def test_look_alikes_are_not_negations(text, lang):
    assert negations(text, lang) == []


def test_quantifier_and_modality_cues():
    cues = {(c.kind, c.key, c.text) for c in polarity_cues("All orders will ship; some may be delayed.", "en")}
    assert {("quantifier", "univ", "All"), ("quantifier", "exist", "some"), ("modality", "strong", "will"),
            ("modality", "weak", "may")} <= cues


@pytest.mark.parametrize("a, la, b, lb, neg, aff", [
    ("We never sell your personal data.", "en", "We sell customer data to selected partners.", "en",
     "never sell", "sell"),
    ("We do not share your data with third parties.", "en", "We share your data with third parties for ads.", "en",
     "not share", "share"),
    ("我们从不出售您的个人数据。", "zh", "我们会将您的个人数据出售给合作伙伴。", "zh", "从不出售", "出售"),
    ("고객의 개인정보를 절대 판매하지 않습니다.", "ko", "고객의 개인정보를 제휴사에 판매합니다.", "ko", "판매하지 않", "판매합니다"),
    ("لا نبيع بياناتك الشخصية أبدًا.", "ar", "نبيع بياناتك الشخصية لشركائنا.", "ar", "لا نبيع", "نبيع"),
])
def test_polarity_conflict_on_the_clear_case(a, la, b, lb, neg, aff):
    conflict = polarity_conflict(a, la, b, lb)
    assert conflict is not None and conflict.code == "C201" and conflict.rule == "polarity-conflict"
    assert conflict.reason == f"one statement denies what the other affirms: '{neg}' vs '{aff}'"
    (span_a,), (span_b,) = conflict.spans_a, conflict.spans_b
    assert (span_a.text, span_a.label, span_b.text, span_b.label) == (neg, "negation", aff, "affirmation")
    assert a[span_a.start:span_a.end] == neg and b[span_b.start:span_b.end] == aff
    # the order of the pair is kept: spans_a always point into the first statement
    flipped = polarity_conflict(b, lb, a, la)
    assert flipped.spans_a[0].text == aff and flipped.reason.endswith(f"'{aff}' vs '{neg}'")


@pytest.mark.parametrize("a, la, b, lb", [
    ("We never sell your personal data.", "en", "We sell gift cards.", "en"),  # different predicate
    ("We don't charge for returns.", "en", "We charge for express shipping.", "en"),  # one shared word
    ("We don't sell your data.", "en", "We don't sell your data to anyone.", "en"),  # both negated
    ("We never sell your personal data.", "en", "我们会将您的个人数据出售给合作伙伴。", "zh"),  # cross-lingual
    ("我们从不出售您的个人数据。", "zh", "我们不会出售您的个人数据。", "zh"),
    ("Returns are not accepted on sale items.", "en", "Returns are accepted within 30 days.", "en"),  # scope
    # "never ... without consent" states a condition
    ("We never send marketing emails without your consent.", "en", "We send marketing emails every week.", "en"),
    # sharing two words out of many is not the same predicate
    ("We never charge a fee for paying by card.", "en", "Your card is charged only when your order ships.", "en"),
    ("저희가 사용하는 모든 면은 유기농 인증을 받았습니다.", "ko", "모피는 절대 사용하지 않습니다.", "ko"),
])
def test_polarity_rule_stays_out_of_unclear_cases(a, la, b, lb):
    assert polarity_conflict(a, la, b, lb) is None


def test_cue_features_keys_are_stable():
    samples = [("Returns are free.", "en", "Returns cost $5.", "en"),
               ("We never sell data.", "en", "我们出售数据", "zh"),
               ("", "und", "", "und")]
    keys = [set(cue_features(*s)) for s in samples]
    assert keys[0] == keys[1] == keys[2]


def test_cue_features_see_negation_and_antonyms_across_languages():
    feats = cue_features("We never sell your personal data.", "en", "We sell customer data to partners.", "en")
    assert feats["neg_a"] == 1 and feats["neg_b"] == 0 and feats["neg_xor"] == 1 and feats["polarity_rule"] == 1
    assert cue_features("Returns are free.", "en", "Returns cost $5.", "en")["antonyms"] == 1
    assert cue_features("무료 반품", "ko", "반품은 유료입니다", "ko")["antonyms"] == 1
    assert cue_features("الإرجاع مجاني", "ar", "退货收费", "zh")["antonyms"] == 1
    assert cue_features("We only use first-party cookies", "en", "我们使用第三方 Cookie", "zh")["antonyms"] == 1
    assert cue_features("Free returns", "en", "Free returns", "en")["antonyms"] == 0
    assert cue_features("All items ship free", "en", "Some items ship free", "en")["quant_clash"] == 1


def test_difference_spans_mark_the_words_each_hint_rests_on():
    a, b = "All our packaging is recyclable.", "Most of our packaging is recyclable."
    ((reason, sa, sb),) = difference_spans(a, "en", b, "en")
    assert "quantifier" in reason and a[sa.start:sa.end] == "All" and b[sb.start:sb.end] == "Most"
    ((reason, sa, sb),) = difference_spans("我们出售数据。", "zh", "我们不出售数据。", "zh")
    assert "second statement is negated" in reason and sa is None and sb.text == "不"


def _reasons(a, la, b, lb):
    return [reason for reason, _, _ in difference_spans(a, la, b, lb)]


def test_difference_hints_name_the_differing_cues():
    hints = _reasons("Returns are always free.", "en", "Returns are sometimes charged.", "en")
    assert any("always" in h and "sometimes" in h for h in hints)
    assert any("free" in h and "charged" in h for h in hints)
    assert _reasons("We sell data.", "en", "We do not sell data.", "en") == [
        "only the second statement is negated ('not')"]
    assert _reasons("Returns are free.", "en", "Returns are free.", "en") == []


@pytest.mark.parametrize("text, lang", [
    ("상품 수령 후 30일 이내에 착용하거나 세탁하지 않은 상품을 반품하실 수 있습니다.", "ko"),  # describes the item
    ("If it does not fit your duvet, you can return it within 30 days.", "en"),  # a condition
    ("모든 상품은 플라스틱을 쓰지 않은 포장재로 배송됩니다.", "ko"),
    ("收货后30天内，未穿着、未洗涤的商品均可退货。", "zh"),  # 未 + verb + 的 describes the goods
    ("不满意的商品可以退货。", "zh"),
    ("يمكنك إرجاع أي منتج غير مستخدم وغير مغسول خلال ١٤ يومًا.", "ar"),  # غير + participle: "unused"
    ("如不想再收到我们的邮件，可一键退订。", "zh"),  # 如: a condition
    ("수신을 원하지 않으시면 여기에서 수신거부하실 수 있습니다.", "ko"),  # -지 않으시면: "if you do not"
])
def test_attributive_and_conditional_negations_deny_no_policy(text, lang):
    assert negations(text, lang) == []


def test_predicate_negation_is_still_found():
    assert negations("반품 배송비는 받지 않습니다.", "ko")
    assert negations("We do not sell your data, even if you ask.", "en")
    assert negations("我们不出售您的数据。", "zh")  # 的 after a pronoun is possessive, not attributive
    assert negations("الإرجاع غير مسموح للمنتجات المخفضة.", "ar")  # predicative غير: "not allowed"
    assert negations("例如不含运费。", "zh")


def test_a_superlative_is_not_a_quantifier():
    assert [c.text for c in polarity_cues("It is the most detailed report we have written.", "en")] == []
    assert [c.key for c in polarity_cues("Most of our packaging is recyclable.", "en")] == ["exist"]


@pytest.mark.parametrize("a, la, b, lb", [
    ("Gift cards can be used online and in store.", "en", "Gift cards can only be redeemed online.", "en"),
    ("换货可选择其他任意商品。", "zh", "换货仅限同款不同颜色或尺码。", "zh"),
    ("기프트카드는 온라인과 매장에서 사용하실 수 있습니다.", "ko", "기프트카드는 온라인에서만 사용 가능합니다.", "ko"),
    ("يمكن استخدام بطاقات الهدايا في المتجر وعلى الموقع.", "ar", "تُستخدم بطاقات الهدايا على الموقع فقط.", "ar"),
])
def test_a_restriction_stated_on_one_side_only_is_a_cue(a, la, b, lb):
    assert cue_features(a, la, b, lb)["restrict_xor"] == 1.0
    assert cue_features(b, lb, b, lb)["restrict_xor"] == 0.0


def test_an_aim_against_a_stated_fact_is_a_cue():
    fact = "Everyone who makes our clothes is paid a living wage."
    assert cue_features(fact, "en", "We're working towards a living wage in all our partner factories by 2028.",
                        "en")["aspire_xor"] == 1.0
    assert cue_features(fact, "en", "为我们生产衣物的工人都拿到了生活工资。", "zh")["aspire_xor"] == 0.0
    assert cue_features(fact, "en", "我们正在努力，争取到2028年让所有合作工厂支付生活工资。", "zh")["aspire_xor"] == 1.0


def test_korean_adverbial_without_and_conditional_an_are_no_denials():
    assert negations("고객 데이터는 빠짐없이 암호화합니다.", "ko") == []  # "without exception"
    assert negations("사이즈가 안 맞으면 배송비 걱정 없이 바꿔 드려요.", "ko") == []  # "if it does not fit"
    assert negations("동의 없이 제공하지 않습니다.", "ko")  # the predicate is still denied
    assert negations("저희는 안 팝니다.", "ko")
    assert negations("물류 시스템의 주문 정보는 암호화 없이 저장됩니다.", "ko")  # stored without encryption
    assert negations("카페 음료는 플라스틱 빨대 없이 나갑니다.", "ko")
    assert negations("사이즈 교환은 횟수와 관계없이 무료입니다.", "ko") == []  # "regardless of"


@pytest.mark.parametrize("a, la, b, lb, feature", [
    ("필수가 아닌 쿠키는 언제든지 거부하실 수 있습니다.", "ko", "서비스 이용을 위해서는 모든 쿠키 사용에 동의하셔야 합니다.", "ko",
     "modal_clash"),
    ("换尺码可以不提供原包装。", "zh", "换尺码须保留完整的原包装和吊牌。", "zh", "modal_clash"),
    ("사이즈 교환은 횟수와 관계없이 무료입니다.", "ko", "사이즈 교환은 첫 1회만 무료입니다.", "ko", "restrict_xor"),
    ("Every product is vegan.", "en", "The majority of our products are vegan.", "en", "quant_clash"),
    ("所有包装都可回收。", "zh", "大部分包装可回收。", "zh", "quant_clash"),
    ("모든 포장재는 종이입니다.", "ko", "포장재의 대부분은 종이입니다.", "ko", "quant_clash"),
])
def test_modal_restriction_and_quantifier_words_in_four_languages(a, la, b, lb, feature):
    assert cue_features(a, la, b, lb)[feature] == 1.0
    assert cue_features(a, la, a, la)[feature] == 0.0


@pytest.mark.parametrize("text, lang, expected", [
    ("할인 상품은 반품이 불가합니다.", "ko", ["불가"]),
    ("주문 제작 상품은 취소가 불가능합니다.", "ko", ["불가능"]),
    ("죄송하지만 해외 주문은 교환이 어렵습니다.", "ko", ["어렵"]),
    ("节假日期间暂停上门安装服务。", "zh", ["暂停"]),
    ("门店谢绝自带外食。", "zh", ["谢绝"]),
    ("نمنحك رصيدًا في المتجر بدلًا من استرداد المبلغ.", "ar", ["بدلًا من"]),
])
def test_polite_refusals_and_suspensions_are_negations(text, lang, expected):
    assert negations(text, lang) == expected


def test_a_polite_refusal_in_a_condition_or_before_a_noun_denies_nothing():
    assert negations("배송지 변경이 불가능하면 바로 연락드립니다.", "ko") == []  # "if it cannot be changed"
    assert negations("교환이 불가능한 상품은 상세 페이지에 표시합니다.", "ko") == []  # "items that cannot be"
    assert negations("주문 확인이 어려운 경우 고객센터로 문의해 주세요.", "ko") == []  # "difficult" before a noun
    assert negations("불가피한 사정으로 배송이 늦어질 수 있습니다.", "ko") == []  # 불가피: "unavoidable"


@pytest.mark.parametrize("a, la, b, lb, feature", [
    ("会员卡可在任意门店直接使用。", "zh", "会员卡需先在小程序激活，才能在门店使用。", "zh", "modal_clash"),
    ("You may return sale items for a refund.", "en", "Sale items need to come back unworn within 7 days.", "en",
     "modal_clash"),
    ("모든 회원이 무료배송을 받습니다.", "ko", "구매 금액이 5만 원을 넘어야만 무료배송을 받습니다.", "ko", "strong_b"),
    ("يمكنك تغيير موعد التوصيل من التطبيق.", "ar", "تغيير موعد التوصيل يجب أن يتم عبر خدمة العملاء.", "ar",
     "modal_clash"),
    ("所有门店都使用绿色电力。", "zh", "一半的门店使用绿色电力。", "zh", "quant_clash"),
    ("所有顾客都会收到新品通知。", "zh", "只有订阅的顾客才会收到新品通知。", "zh", "restrict_xor"),
])
def test_need_to_only_then_and_half_in_four_languages(a, la, b, lb, feature):
    assert cue_features(a, la, b, lb)[feature] >= 1.0
    assert cue_features(a, la, a, la)[feature] == 0.0


@pytest.mark.parametrize("a, la, b, lb, feature", [
    ("门店可以用现金或刷卡付款。", "zh", "门店只收扫码支付。", "zh", "restrict_xor"),
    ("所有饮品都可以换成燕麦奶。", "zh", "燕麦奶只用于拿铁系列。", "zh", "restrict_xor"),
    ("모든 상품을 선물 포장해 드립니다.", "ko", "선물 포장은 액세서리 상품만 가능합니다.", "ko", "restrict_xor"),
    ("뉴스레터는 모든 가입 회원에게 보냅니다.", "ko", "뉴스레터는 수신 동의하신 분께만 보냅니다.", "ko", "restrict_xor"),
    ("Every customer can book a fitting.", "en", "Fittings are reserved for loyalty members.", "en", "restrict_xor"),
    ("Early access is open to all subscribers.", "en", "Early access is exclusive to annual subscribers.", "en",
     "restrict_xor"),
    ("يحصل جميع العملاء على الشحن المجاني.", "ar", "الشحن المجاني ميزة حصرية لأعضاء النادي.", "ar", "restrict_xor"),
    ("تعمل مستودعاتنا بالطاقة الشمسية بالكامل.", "ar", "بعض مستودعاتنا تعمل بالطاقة الشمسية.", "ar", "quant_clash"),
    ("모든 매장에서 텀블러 할인을 해 드립니다.", "ko", "매장 10곳 중 3곳에서 텀블러 할인을 해 드립니다.", "ko", "quant_clash"),
    ("试穿后可直接下单。", "zh", "请先在线预约，再到店试穿。", "zh", "strong_b"),
])
def test_only_reserved_exclusive_entirely_and_n_of_m_are_cues(a, la, b, lb, feature):
    assert cue_features(a, la, b, lb)[feature] >= 1.0
    assert cue_features(a, la, a, la)[feature] == 0.0


@pytest.mark.parametrize("a, la, b, lb", [
    ("门店提供一只免费的帆布袋。", "zh", "门店提供免费的帆布袋。", "zh"),  # 一只: a classifier
    ("只要订单满99元就包邮。", "zh", "订单满99元包邮。", "zh"),  # 只要: "as long as"
    ("골드 등급은 연간 50만 원부터입니다.", "ko", "골드 등급은 연간 구매 금액으로 정해집니다.", "ko"),  # 50만: a number
    ("배송은 빠르지만 포장은 간단합니다.", "ko", "배송도 빠르고 포장도 간단합니다.", "ko"),  # -지만: "but"
    ("3만 원 미만 주문은 배송비가 붙습니다.", "ko", "3만 원 이상 주문은 배송비가 무료입니다.", "ko"),  # 미만: "under"
])
def test_classifiers_numbers_and_but_are_no_restrictions(a, la, b, lb):
    assert cue_features(a, la, b, lb)["restrict_xor"] == 0.0
