"""Multilingual promise matchers: what counts as a promise a deeds check can hold the brand to."""

import pytest

from consistency.deeds.promises import CONSENT, LIVE_CHAT, NO_TRACKING, PHONE, UNSUBSCRIBE, best
from tests.deeds.builders import unit


@pytest.mark.parametrize("text", [
    "We use only first-party cookies.",
    "We do not use third-party tracking cookies.",
    "We never share your browsing data with anyone.",
    "We don't use advertising cookies.",
    "We don't track you.",
    "我们不使用任何第三方追踪工具。",
    "本网站仅使用第一方Cookie。",
    "我们绝不追踪您的浏览行为。",
    "당사는 제3자 추적 쿠키를 사용하지 않습니다.",
    "저희는 자사 쿠키만 사용합니다.",
    "لا نستخدم ملفات تعريف الارتباط الخاصة بأطراف ثالثة.",
    "نحن لا نتتبعك عبر المواقع.",
])
def test_no_tracking_promises_match(text):
    assert NO_TRACKING.hits(text)


@pytest.mark.parametrize("text", [
    "We use third-party cookies to measure our campaigns.",
    "Our partners may set tracking cookies.",
    "我们使用第三方Cookie来改进广告。",
    "당사는 광고를 위해 제3자 쿠키를 사용합니다.",
    "نستخدم ملفات تعريف الارتباط من أطراف ثالثة للإعلانات.",
    "Track your order in your account.",
])
def test_statements_that_admit_tracking_are_not_promises_of_none(text):
    assert not NO_TRACKING.hits(text)


@pytest.mark.parametrize("topic, text", [
    (UNSUBSCRIBE, "Unsubscribe with one click from any email."),
    (UNSUBSCRIBE, "You can opt out at any time."),
    (UNSUBSCRIBE, "Every email has an unsubscribe link."),
    (UNSUBSCRIBE, "您可以随时退订我们的邮件。"),
    (UNSUBSCRIBE, "모든 이메일에서 언제든 수신거부할 수 있습니다."),
    (UNSUBSCRIBE, "يمكنك إلغاء الاشتراك في أي وقت."),
    (CONSENT, "We only email you with your explicit consent."),
    (CONSENT, "We ask for your consent before collecting your data."),
    (CONSENT, "We comply with the GDPR."),
    (CONSENT, "未经您的同意，我们不会收集您的个人信息。"),
    (CONSENT, "동의 없이 개인정보를 수집하지 않습니다."),
    (CONSENT, "لا نرسل رسائل تسويقية دون موافقتك."),
    (LIVE_CHAT, "Chat with us 24/7."),
    (LIVE_CHAT, "Our live chat is open every day."),
    (LIVE_CHAT, "24시간 채팅 상담을 제공합니다."),
    (LIVE_CHAT, "在线客服全天候为您服务。"),
    (LIVE_CHAT, "دردشة مباشرة على مدار الساعة."),
    (PHONE, "Call us any time."),
    (PHONE, "Phone support is available on weekdays."),
    (PHONE, "전화 상담은 평일에 가능합니다."),
    (PHONE, "欢迎致电我们的客服热线。"),
    (PHONE, "الدعم الهاتفي متاح يوميًا."),
])
def test_topic_promises_match_in_four_languages(topic, text):
    assert topic.hits(text)


@pytest.mark.parametrize("topic, text", [
    (UNSUBSCRIBE, "Subscribe to our newsletter."),
    (CONSENT, "Free returns within 30 days."),
    (LIVE_CHAT, "Email us at help@example.com."),
    (PHONE, "Write to us at our office."),
])
def test_unrelated_commitments_do_not_match(topic, text):
    assert not topic.hits(text)


def test_best_prefers_more_cue_hits_then_sort_key_and_is_order_independent():
    weak = unit("We use only first-party cookies.")
    strong = unit("We use only first-party cookies and we don't track you.")
    tie_a, tie_b = unit("A: we don't track you."), unit("B: we don't track you.")
    assert best([weak, strong], NO_TRACKING).unit is strong
    assert best([strong, weak], NO_TRACKING).unit is strong
    assert best([tie_b, tie_a], NO_TRACKING).unit is tie_a
    assert best([tie_b, tie_a], NO_TRACKING).cues == ("we don't track",)
    assert best([unit("Free returns within 30 days.")], NO_TRACKING) is None
