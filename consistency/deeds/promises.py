"""Which commitments promise what a deeds check can verify, in English, Arabic, Chinese and Korean.

A promise is a commitment unit whose text hits at least one cue of a topic. A cue is a set of
patterns that must all match (Arabic and Chinese word order is free enough that "third party"
and "tracking" are easier to require separately than to chain). Cues about absence carry their
negation, so "we use third-party cookies for ads" is not a promise of no tracking.

When several commitments match, the best one has the most cue hits, then the smallest sort key
(its normalised text), so the same corpus always yields the same promise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from consistency.findings import Unit

_F = re.IGNORECASE
_NOT_EN = r"(?:\bno\b|\bnever\b|\bnot\b|n[’']t\b|\bwithout\b|\bnor\b|\bzero\b)"
_NOT_ZH = r"(?:不|没有|沒有|绝不|絕不|从不|從不|决不|決不|无|無|禁止)"
_NOT_KO = r"(?:않|없|안\s|금지|절대)"
_NOT_AR = r"(?:\bلا\b|\bلن\b|\bليس\b|\bلسنا\b|\bدون\b|\bبدون\b|\bأبدا|\bأبدًا)"
_THIRD_ZH = r"(?:第三方|第三者)"
_THIRD_KO = r"(?:제\s?3\s?자|서드\s?파티|타사)"
_THIRD_AR = r"(?:طرف ثالث|أطراف ثالثة|الأطراف الثالثة|الطرف الثالث|جهات خارجية|أطراف خارجية|جهات أخرى)"
_TRACK_ZH = r"(?:追踪|跟踪|追蹤|跟蹤|[Cc]ookie|广告|廣告|分析工具)"
_TRACK_KO = r"(?:추적|쿠키|트래커|트래킹|광고)"
_TRACK_AR = r"(?:تتبع|التتبع|ملفات تعريف الارتباط|الكوكيز|كوكيز|الإعلان|إعلانية|الإعلانات)"


@dataclass(frozen=True, slots=True)
class Cue:
    """A named cue: every pattern must match the text."""

    name: str
    patterns: tuple[re.Pattern[str], ...]

    def hit(self, text: str) -> bool:
        return all(p.search(text) for p in self.patterns)


def _cue(name: str, *patterns: str) -> Cue:
    return Cue(name, tuple(re.compile(p, _F) for p in patterns))


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    cues: tuple[Cue, ...]

    def hits(self, text: str) -> tuple[str, ...]:
        return tuple(c.name for c in self.cues if c.hit(text))


@dataclass(frozen=True, slots=True)
class Promise:
    """The commitment chosen for a topic and the cues it hit."""

    unit: Unit
    cues: tuple[str, ...]


NO_TRACKING = Topic("no-tracking", (
    _cue("first-party only", r"\b(?:only|exclusively|solely)\b[^.!?]{0,40}\bfirst[-\s]party\b|"
                             r"\bfirst[-\s]party\b[^.!?]{0,30}\b(?:only|exclusively|alone)\b"),
    _cue("no third-party tracking",
         _NOT_EN + r"[^.!?]{0,50}\bthird[-\s]part(?:y|ies)\b[^.!?]{0,40}"
                   r"\b(?:track\w*|cookies?|pixels?|analytics|advertis\w*|ads?|scripts?)\b"),
    _cue("no browsing-data sharing",
         _NOT_EN + r"[^.!?]{0,40}\b(?:share|sell|pass|disclose|give)\w*\b[^.!?]{0,50}"
                   r"\b(?:browsing|usage|behaviou?r\w*|activity|clickstream|visits?)\b"),
    _cue("no advertising cookies",
         _NOT_EN + r"[^.!?]{0,40}\b(?:advertising|ad|marketing|targeting|tracking)\s+(?:cookies|pixels|trackers)\b"),
    _cue("we don't track", r"(?:\bdo\s+not|n[’']t|\bnever|\bwill\s+not)\s+(?:\w+\s+){0,2}track(?:s|ing)?\b|"
                          r"\bno\s+(?:\w+\s+)?tracking\b|\btracking[-\s]free\b"),
    _cue("不使用第三方追踪", _NOT_ZH + r"[^。！？]{0,25}" + _THIRD_ZH + r"[^。！？]{0,20}" + _TRACK_ZH + "|"
         + _THIRD_ZH + r"[^。！？]{0,20}" + _TRACK_ZH + r"[^。！？]{0,15}" + _NOT_ZH),
    _cue("仅使用第一方", r"(?:仅|只|僅|唯一)(?:会|會)?(?:使用|用|採用|采用)?\s*第一方"),
    _cue("不追踪", _NOT_ZH + r"(?:会|會)?(?:追踪|跟踪|追蹤|跟蹤)"),
    _cue("不分享浏览数据", _NOT_ZH + r"[^。！？]{0,15}(?:分享|共享|出售|透露|提供)[^。！？]{0,20}(?:浏览|瀏覽)"),
    _cue("제3자 추적 없음", _THIRD_KO + r"[^.!?]{0,30}" + _TRACK_KO + r"[^.!?]{0,30}" + _NOT_KO),
    _cue("자사 쿠키만", r"(?:자사|퍼스트\s?파티|1st\s?party|제\s?1\s?자)\s?쿠키(?:만|\s?외)"),
    _cue("추적하지 않음", r"추적(?:하지|을\s?하지|되지)\s?않"),
    _cue("광고 쿠키 없음", r"광고\s?(?:용\s?)?쿠키[^.!?]{0,20}" + _NOT_KO),
    _cue("브라우징 데이터 공유 없음", r"(?:브라우징|방문|검색|이용)\s?(?:데이터|기록|정보)[^.!?]{0,30}"
                                 r"(?:공유|판매|제공)(?:하지|되지)\s?않"),
    _cue("لا تتبع من أطراف ثالثة", _NOT_AR, _THIRD_AR, _TRACK_AR),
    _cue("لا نتتبع", r"(?:\bلا|\bلن)\s+(?:\S+\s+)?(?:نتتبع|نقوم بتتبع|يتم تتبع|تتبع)"),
    _cue("الطرف الأول فقط", r"(?:فقط|حصرا|حصرًا)[^.؟!]{0,40}(?:الطرف الأول|الطرف الأوّل)|"
                             r"(?:الطرف الأول|الطرف الأوّل)[^.؟!]{0,40}(?:فقط|حصرا|حصرًا)"),
    _cue("لا نشارك بيانات التصفح", r"(?:\bلا|\bلن)\s+(?:\S+\s+){0,3}(?:نشارك|نبيع|نفصح)[^.؟!]{0,50}(?:التصفح|تصفحك)"),
))

_UNSUB_EN = r"\b(?:unsubscrib\w*|opt(?:ing)?[-\s]?out)\b"
_UNSUB_ZH = r"(?:退订|退訂|取消订阅|取消訂閱)"
_UNSUB_KO = r"(?:수신\s?거부|구독\s?(?:취소|해지|해제)|수신\s?동의\s?철회)"
_UNSUB_AR = r"(?:إلغاء الاشتراك|الغاء الاشتراك|إيقاف الاشتراك|إلغاء اشتراكك)"
UNSUBSCRIBE = Topic("unsubscribe", (
    _cue("unsubscribe easily", _UNSUB_EN, r"\b(?:one|single|1)[-\s]click\b|\bany\s*time\b|\beasily\b|\binstantly\b"),
    _cue("every email has an unsubscribe link", _UNSUB_EN,
         r"\b(?:every|each|all|any)\s+(?:of\s+our\s+)?(?:e-?mails?|messages?|newsletters?)\b|\blink\b"),
    _cue("随时退订", _UNSUB_ZH, r"随时|隨時|一键|一鍵|每封|轻松|輕鬆|任何时候|任何時候|链接|鏈接"),
    _cue("언제든 수신거부", _UNSUB_KO,
         r"언제든|원\s?클릭|한\s?번의?\s?클릭|클릭\s?한\s?번|모든\s?(?:이메일|메일)|쉽게|링크"),
    _cue("إلغاء الاشتراك في أي وقت", _UNSUB_AR, r"أي وقت|بنقرة واحدة|كل رسالة|كل بريد|بسهولة|رابط"),
))

CONSENT = Topic("consent", (
    _cue("only with consent", r"\b(?:consent|permission|opt(?:s|ed)?[-\s]?in)\b",
         r"\b(?:e-?mails?|contact\w*|collect\w*|market\w*|newsletters?|personal\s+(?:data|information)|"
         r"messages?|sign[-\s]?up|subscri\w*)\b"),
    _cue("GDPR", r"\bGDPR\b|\bgeneral\s+data\s+protection\s+regulation\b|通用数据保护条例|"
                 r"일반\s?개인정보\s?보호\s?규정|اللائحة العامة لحماية البيانات"),
    _cue("同意后才收集", r"同意", r"收集|邮件|郵件|营销|行銷|个人信息|個人資料|数据|數據|订阅|訂閱"),
    _cue("동의 후 수집", r"동의", r"수집|이메일|메일|마케팅|개인\s?정보|구독"),
    _cue("بموافقتك", r"موافقة|موافقتك|إذن|إذنك", r"جمع|البريد|تسويق|بيانات|الاشتراك|رسائل"),
))

LIVE_CHAT = Topic("live-chat", (
    _cue("live chat", r"\b(?:live|online|instant|real[-\s]time)\s+chat\b"),
    _cue("chat with us", r"\bchat\s+(?:with|to)\s+(?:us|our|an?|one)\b"),
    _cue("24/7 chat", r"\bchat\b", r"24\s*/\s*7|\b24\s*hours?\b|around\s+the\s+clock|\bany\s*time\b"),
    _cue("在线客服", r"在线客服|在線客服|在线聊天|在線聊天|在线咨询|在線諮詢|聊天客服|"
                 r"即时聊天|即時聊天|在线对话|在線對話"),
    _cue("채팅 상담", r"채팅"),
    _cue("دردشة مباشرة", r"دردشة|الدردشة|محادثة مباشرة|المحادثة المباشرة"),
))

PHONE = Topic("phone", (
    _cue("call us", r"\b(?:call|phone|ring)\s+us\b|\bgive\s+us\s+a\s+(?:call|ring)\b"),
    _cue("phone support", r"\b(?:phone|telephone)\s+(?:support|line|hotline|service)\b|\bhotline\b|"
                          r"\b(?:by|via|over\s+the)\s+(?:phone|telephone)\b"),
    _cue("电话客服", r"电话客服|電話客服|致电|致電|拨打|撥打|客服热线|客服熱線|电话支持|電話支援|电话咨询|電話諮詢"),
    _cue("전화 상담", r"전화\s?(?:상담|문의|지원|주세요|로\s?문의)|콜\s?센터"),
    _cue("الدعم الهاتفي", r"الدعم الهاتفي|عبر الهاتف|اتصل بنا هاتفي|اتصل بنا على|اتصلوا بنا|خط ساخن"),
))


def best(units: Sequence[Unit], topic: Topic) -> Promise | None:
    """The commitment that best promises ``topic``: most cue hits, then commitment kind, then sort key."""
    found = [(u, topic.hits(u.text)) for u in units]
    found = [(u, h) for u, h in found if h]
    if not found:
        return None
    unit, cues = min(found, key=lambda uh: (-len(uh[1]), uh[0].kind != "commitment", uh[0].key))
    return Promise(unit, cues)
