"""Lexical contrast concepts: two statements on opposite poles of the same concept."""

import pytest

from consistency.judge.contrast import CONCEPTS, _LABELS, contrast_features, explain_contrasts
from consistency.judge.features import symbolic_features
from consistency.judge.judge import model_may_flag

NEW = ("refund_credit", "paper_plastic", "local_imported", "fresh_premade", "collected_brought",
       "direct_intermediary", "automatic_on_request", "handmade_machine", "at_once_separately", "encrypted_plain")


@pytest.mark.parametrize("concept,a,b", [
    ("refund_credit", "Cancelled orders get a full refund to your original payment method.",
     "Cancelled orders are refunded as store credit you can spend within six months."),
    ("refund_credit", "If we can't deliver on time, we give your money back, not a voucher.",
     "Late deliveries earn a £5 voucher."),
    ("refund_credit", "商品缺货时，我们全额退款。", "商品缺货时，我们会发放等值优惠券，而不是退款。"),
    ("refund_credit", "품절된 상품은 전액 환불해 드립니다.", "품절된 상품은 환불 대신 적립금으로 돌려드려요."),
    ("refund_credit", "نعيد إليك المبلغ كاملًا عند إلغاء الطلب.", "عند إلغاء الطلب نمنحك رصيدًا في المتجر بدلًا من استرداد المبلغ."),
    ("paper_plastic", "Every parcel is sealed with paper tape.", "Heavy boxes get an extra layer of plastic tape."),
    ("paper_plastic", "Our candles ship completely plastic-free.", "Each candle is wrapped in bubble wrap for the journey."),
    ("paper_plastic", "매장 쇼핑백에는 비닐을 쓰지 않습니다.", "비 오는 날에는 쇼핑백 위에 비닐 커버를 씌워 드려요."),
    ("paper_plastic", "外卖餐盒不使用塑料。", "汤品外卖会装在塑料碗里。"),
    ("paper_plastic", "لا نستخدم أي بلاستيك في تغليف الهدايا.", "نلف كل هدية بغلاف بلاستيكي شفاف."),
    ("local_imported", "Every vegetable in our kitchens is grown locally.", "Our winter tomatoes are imported from Spain."),
    ("local_imported", "매장에서 쓰는 우유는 모두 국내 목장에서 받습니다.", "치즈와 버터는 프랑스에서 들여옵니다."),
    ("fresh_premade", "Our soups are made fresh every morning.", "The soups arrive frozen from our central kitchen."),
    ("fresh_premade", "果汁都是现榨的。", "果汁使用进口浓缩汁调配。"),
    ("collected_brought", "For returns, our courier collects the parcel from your door.",
     "To return an order, drop it off at any post office."),
    ("direct_intermediary", "We buy our tea directly from the growers.", "Our tea is bought through a wholesaler in Colombo."),
    ("automatic_on_request", "Your birthday discount is added automatically.",
     "To get your birthday discount, submit a request in the app."),
    ("handmade_machine", "Each rug is handwoven by artisans.", "Our rugs are machine-made to keep prices low."),
    ("handmade_machine", "عباءاتنا مطرزة يدويًا.", "تُطرّز عباءاتنا آليًا في المصنع."),
    ("at_once_separately", "Turn off every marketing email with a single click.",
     "To stop marketing emails, unsubscribe from each list separately."),
    ("encrypted_plain", "Saved card numbers are always encrypted.", "Card numbers are kept in plain text on the till system."),
    ("encrypted_plain", "회원 비밀번호는 암호화해 저장합니다.", "회원 비밀번호는 평문으로 저장됩니다."),
])
def test_opposite_poles_fire(concept, a, b):
    assert contrast_features(a, b)[concept]
    assert contrast_features(b, a)[concept]  # the order of the statements does not matter
    assert contrast_features(a, b)["any"] >= 1


@pytest.mark.parametrize("a,b", [
    # both take the same pole, however it is worded
    ("Refunds for late parcels come as store credit.", "Late parcels earn store credit instead of a refund."),
    ("Our mailers are plastic-free.", "We never use plastic in our mailers; they are made of paper."),
    ("Everything on the menu is cooked fresh.", "Our cooks prepare every dish fresh to order."),
    # one statement holds both poles: no clash
    ("We accept returns for a refund or store credit.", "Returns are refunded in full."),
    # "now" is not a denial of what follows
    ("Orders now arrive wrapped in plastic.", "Some orders are wrapped in plastic."),
])
def test_same_pole_does_not_fire(a, b):
    feats = contrast_features(a, b)
    assert not any(feats[c] for c in NEW)


def test_new_concepts_have_reason_labels():
    assert all(c in CONCEPTS and c in _LABELS for c in NEW)
    reasons = explain_contrasts("Cancelled orders get a full refund.", "Cancelled orders get store credit.")
    assert reasons and reasons[0][0].startswith("opposite terms (money back against store credit)")
    assert reasons[0][1].text == "full refund" and reasons[0][2].text == "store credit"


def test_a_contrast_opens_the_evidence_gate():
    a, b = "Each rug is handwoven by artisans.", "Our rugs are machine-made to keep prices low."
    feats = symbolic_features(a, "en", b, "en")
    assert feats["contrast:handmade_machine"] and model_may_flag(feats)
    same = symbolic_features(a, "en", "Every rug is woven by hand.", "en")
    assert not same["contrast:handmade_machine"]


def test_own_partner_reads_arabic_own_fleet_and_english_team_up():
    assert contrast_features("نوصل الطلبات عبر أسطول التوصيل الخاص بنا.", "نتعاون مع شركة شحن لتوصيل الطلبات.")["own_partner"]
    assert contrast_features("Our chairs are built in our own workshop.",
                             "We teamed up with a furniture maker in Lithuania to build our chairs.")["own_partner"]
