"""The judge as users meet it: `consistency compare`, one pair or a JSON Lines file, with the shipped artifact."""

import json

import pytest

from consistency.cli import main
from consistency.judge.contrast import contrast_features
from consistency.judge.judge import is_question, model_may_flag
from consistency.judge.features import symbolic_features


def compare(capsys, a, b):
    assert main(["compare", a, b]) == 0
    return json.loads(capsys.readouterr().out)


def test_compare_prints_an_explained_numeric_verdict_with_spans(capsys):
    got = compare(capsys, "Free returns within 30 days of delivery.", "You can return items within two weeks of delivery.")
    assert got["contradiction"] is True and got["code"] == "C102"
    assert "30 days" in got["reasons"][0] and "two weeks" in got["reasons"][0]
    assert 0.0 <= got["score"] <= 1.0
    assert len(got["spans_a"]) == 1 and "30 days" in got["spans_a"][0]["text"]


def test_a_negation_with_nothing_to_deny_says_so(capsys):
    got = compare(capsys, "We never sell your data.", "Our new linen range is out now.")
    assert got["contradiction"] is False
    assert got["reasons"][0].startswith("only one statement is negated, but they share no word"), got["reasons"]
    got = compare(capsys, "Our linen is woven in Portugal.", "Our new linen range is out now.")
    assert got["reasons"][0].startswith("no differing values, negation, or opposite terms"), got["reasons"]


def test_a_model_verdict_names_and_marks_the_opposite_terms(capsys):
    a, b = "Unsubscribe anytime with one click.", "To unsubscribe, call our support team."
    got = compare(capsys, a, b)
    assert got["contradiction"] is True and got["code"] == "C301", got
    assert any("self-service" in r and "'with one click'" in r for r in got["reasons"]), got["reasons"]
    (sa,), (sb,) = got["spans_a"], got["spans_b"]
    assert a[sa["start"]:sa["end"]] == "with one click" and b[sb["start"]:sb["end"]] == "call our support"


@pytest.mark.parametrize("a, b, concept", [
    ("You'll always reach a real person.", "Our chatbot answers your questions.", "human_automated"),
    ("We publish the full list of our factories.", "We keep our factory list confidential.", "public_confidential"),
    ("Marketing cookies stay off until you opt in.", "By continuing to browse, you accept all cookies.",
     "consent_default"),
    ("电话客服由真人接听。", "电话由智能客服机器人自动回复。", "human_automated"),
    ("공급업체 목록을 모두 공개합니다.", "공급업체 목록은 비공개입니다.", "public_confidential"),
    ("You don't need to print a return label.", "A printed return label is required for every parcel.",
     "required_optional"),
    ("退货无需提供原包装。", "退货时须附上原包装。", "required_optional"),
    ("إرفاق الفاتورة غير مطلوب عند الإرجاع.", "يجب إرفاق الفاتورة مع كل مرتجع.", "required_optional"),
    ("No credit card needed to start a trial.", "A credit card is required to start a trial.", "required_optional"),
    ("Suppliers must meter water on every line.", "We recommend that suppliers meter their water.", "required_optional"),
    ("Two-step login is required for every account.", "Turn on two-step login if you'd like.", "required_optional"),
])
def test_contrast_concepts_fire_on_opposite_poles_only(a, b, concept):
    assert contrast_features(a, b)[concept] == 1.0
    assert contrast_features(a, a)[concept] == 0.0


def test_ai_inside_a_word_is_no_bot():
    assert contrast_features("A real person answers every call.", "Call times are available on our contact page.")[
        "human_automated"] == 0.0
    assert contrast_features("人工客服全天接听。", "客服由AI自动回复。")["human_automated"] == 1.0


def test_a_denied_necessity_is_not_the_necessity():
    """"not required" holds the word "required" and means its opposite."""
    assert contrast_features("A receipt is not required.", "A receipt is required.")["required_optional"] == 1.0
    assert contrast_features("A receipt is not required.", "Receipts are not required.")["required_optional"] == 0.0


@pytest.mark.parametrize("a, b", [
    ("Free returns within 30 days of delivery.", "يمكنك إرجاع المنتجات خلال ١٤ يومًا من الاستلام."),
    ("Free returns within 30 days of delivery.", "收货后14天内可以退货。"),
    ("Free returns within 30 days of delivery.", "상품 수령 후 14일 이내에 반품하실 수 있습니다."),
])
def test_cross_lingual_duration_conflicts(capsys, a, b):
    got = compare(capsys, a, b)
    assert got["contradiction"] is True, got
    assert "14" in got["reasons"][0]


def test_translations_with_the_same_values_are_consistent(capsys):
    got = compare(capsys, "Every order leaves our warehouse within 2 business days.", "يُشحن كل طلب من مستودعنا خلال يومَي عمل.")
    assert got["contradiction"] is False, got


def test_a_question_asserts_nothing(capsys):
    got = compare(capsys, "We never sell or share your personal data.", "Do you sell my data?")
    assert got["contradiction"] is False and "question" in got["reasons"][0]
    assert is_question("هل تبيعون بياناتي؟") and is_question("你们会出售我的数据吗？") and not is_question("We never sell.")


def test_compare_pairs_file_keeps_order_and_ids(tmp_path):
    rows = [{"id": "p1", "a": "Support is available 24/7.", "b": "Support is open Monday to Friday, 9am to 5pm.",
             "note": "ignored"},
            {"id": "p2", "a": "We publish an impact report every year.", "b": "Our impact report comes out every year."}]
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    assert main(["compare", "--pairs", str(src), "--output", str(out)]) == 0
    got = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [g["id"] for g in got] == ["p1", "p2"]
    assert set(got[0]) >= {"id", "contradiction", "score", "code", "reasons"}
    assert got[0]["contradiction"] is True and got[0]["code"] == "C105"
    assert got[1]["contradiction"] is False


def test_compare_without_statements_is_a_usage_error(capsys):
    assert main(["compare", "only one"]) == 2
    assert "--pairs" in capsys.readouterr().err


def test_free_of_something_against_naming_it():
    assert contrast_features("Every order ships in plastic-free packaging.",
                             "Each set arrives wrapped in plastic film.")["free_of"] == 1.0
    assert contrast_features("Every order ships in plastic-free packaging.",
                             "All parcels use plastic-free packaging.")["free_of"] == 0.0


def test_the_model_needs_textual_evidence_and_matching_scope():
    assert not model_may_flag({})  # same topic, nothing that could carry a contradiction
    assert model_may_flag({"cue:neg_xor": 1.0, "cue:shared": 2.0})
    assert model_may_flag({"cue:neg_xor": 1.0, "pair:cross_lingual": 1.0})  # shared words cannot be counted
    assert model_may_flag({"slot:values_differ_open": 1.0})
    assert not model_may_flag({"slot:values_differ": 1.0})  # values differ, but under other named topics
    assert not model_may_flag({"slot:values_differ_open": 1.0, "slot:scope_differ": 1.0})  # "members: 60 days"
    assert model_may_flag({"slot:values_differ_open": 1.0, "slot:scope_differ": 1.0, "cue:neg_xor": 1.0,
                           "cue:shared": 1.0})
    assert not model_may_flag({"contrast:any": 1.0, "slot:scope_differ": 1.0})  # "express: $15", "standard: free"
    assert model_may_flag({"contrast:any": 1.0})
    assert not model_may_flag({"slot:equal": 1.0})  # the same values, nothing else differs


def test_two_slots_of_one_process_are_no_evidence_for_the_model():
    """A return window and a refund time differ in value because they are different slots."""
    feats = symbolic_features("Returns are accepted within 30 days of delivery.", "en",
                              "Once your return arrives, your refund is issued within 5 business days.", "en")
    assert feats["slot:values_differ"] and not feats["slot:values_differ_open"]
    assert not model_may_flag(feats)
    feats = symbolic_features("Returns are accepted within 30 days of delivery.", "en",
                              "You have 14 days to return an item.", "en")
    assert feats["slot:values_differ_open"]


def test_a_value_stated_on_both_sides_is_matched_not_contradicted():
    """The 60 days members get is stated on both sides; the 30 days is about everyone else."""
    feats = symbolic_features("Circle members can return items within 60 days of delivery.", "en",
                              "You have 30 days from delivery to return items, and Circle members have 60 days.", "en")
    assert not feats["slot:differ"]
    feats = symbolic_features("Circle members can return items within 60 days of delivery.", "en",
                              "Circle members can return items within 45 days.", "en")
    assert feats["slot:differ"]


def test_a_mix_is_the_partial_pole_of_all_and_paying_on_delivery_is_not_included():
    assert contrast_features("All the cotton we use is certified organic.",
                             "We blend organic and conventional cotton to keep prices accessible.")["all_partial"] == 1.0
    assert contrast_features("我们使用的棉花全部通过有机认证。", "为了控制成本，我们混用有机棉和普通棉。")["all_partial"] == 1.0
    assert contrast_features("Duties and taxes are included in the price you see.",
                             "International customers pay import duties to the courier on delivery.")[
        "included_excluded"] == 1.0


def test_n_of_m_is_partial_and_a_locked_price_is_the_opposite_of_a_rising_one():
    assert contrast_features("All our partner factories pay a living wage.",
                             "14 of our 20 partner factories now pay a living wage.")["all_partial"] == 1.0
    assert contrast_features("Your subscription price is locked in for as long as you stay subscribed.",
                             "Subscription prices are reviewed every January and may go up.")["fixed_changing"] == 1.0


def test_a_pole_phrase_that_holds_the_other_poles_word_counts_once():
    """"no fee" is the free pole, not a fee; "not included" is the excluded pole, not an inclusion."""
    assert contrast_features("There is no fee to cancel.", "Cancelling early costs a $30 fee.")["free_paid"] == 1.0
    assert contrast_features("There is no fee to cancel.", "Cancelling is free.")["free_paid"] == 0.0
    assert contrast_features("Duties are included in the price.", "Duties are not included.")[
        "included_excluded"] == 1.0


def test_named_products_scope_their_values():
    """"the Essentials box: $29" and "the Deluxe box: $49" are two prices, not one price stated twice."""
    feats = symbolic_features("The Essentials box costs $29 a month.", "en",
                              "The Deluxe box, with two extra pieces, is $49 a month.", "en")
    assert feats["contrast:names_disjoint"] and not model_may_flag(feats)


@pytest.mark.parametrize("a, b", [
    ("Our stores stay open until 9pm every Thursday.", "From this week every store closes at 7pm, Thursdays included."),
    ("From 1 March, we'll ask every user to opt in again.", "Marketing opt-in refresh: we'll start asking again on 1 May."),
    ("Free delivery on Australian orders over A$99.", "Spend A$150 and we'll deliver free anywhere in Australia."),
])
def test_days_months_and_markets_are_not_names_that_set_statements_apart(a, b):
    """Days and months are times the slots compare; "Australian" and "Australia" are one market."""
    feats = symbolic_features(a, "en", b, "en")
    assert not feats["contrast:names_disjoint"] and model_may_flag(feats)


@pytest.mark.parametrize("a, b", [
    ("Return shipping is on us.", "Return shipping is at your own expense."),
    ("교환 배송비는 전액 저희가 부담합니다.", "단순 변심으로 교환하실 경우 왕복 배송비 5,000원은 고객님 부담입니다."),
    ("退货运费由我们承担。", "退货运费由顾客自行承担。"),
])
def test_who_bears_a_cost_is_a_pair_of_poles(a, b):
    assert contrast_features(a, b)["brand_customer_pays"] == 1.0
    assert contrast_features(a, a)["brand_customer_pays"] == 0.0


def test_applies_to_is_the_included_pole():
    assert contrast_features("Free shipping over $50 applies to sale items too.",
                             "Sale items are excluded from free shipping offers.")["included_excluded"] == 1.0
    assert contrast_features("满99元包邮适用于特价商品。", "特价商品不适用包邮优惠。")["included_excluded"] == 1.0


def test_a_negation_is_evidence_only_against_a_statement_that_shares_a_word():
    unrelated = symbolic_features("We never sell your personal data.", "en",
                                  "Our privacy team will host a live Q&A on Instagram next Thursday.", "en")
    assert unrelated["cue:neg_xor"] and not model_may_flag(unrelated)
    denied = symbolic_features("We never sell your personal data.", "en",
                               "We sell your purchase history to advertising partners.", "en")
    assert model_may_flag(denied)
