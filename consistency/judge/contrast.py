"""Lexical contrast features: the two statements sit on opposite poles of the same concept.

Contradictions without numbers are mostly this: "free" against "a fee", "open on Sundays"
against "closed on Sundays", "our own warehouses" against "partner warehouses", "any item"
against "only defective items", "never expire" against "expire after a year". Each concept
lists its two poles in English, Arabic, Chinese and Korean; a pair where one statement holds
one pole and the other the opposite pole (and not both) fires that concept. These are features
for the trained classifier, not verdicts: the classifier learns how much each one weighs.
"""

from __future__ import annotations

import re
from functools import lru_cache

from consistency.judge.cues_lexicon import ZH_NO_CHARGE
from consistency.judge.lexicon import SCOPES, gated
from consistency.judge.places import origin_places, origin_spans, origins_differ
from consistency.types import Span

def _denied(term: str, wide: bool = False) -> str:
    """``term`` named only to be set aside: "not a voucher", "instead of a refund", "بدلًا من استرداد
    المبلغ", "而不是退款", "환불 대신". Added to the opposite pole, so "store credit instead of a refund"
    is the credit pole alone. ``wide`` also takes plain denials ("never plastic", "无塑料", "플라스틱 없이",
    "خالٍ من البلاستيك"), for concepts where not using one pole means using the other."""
    if wide:
        lead = (r"(?:(?:\binstead of|\brather than|\bnot|\bnever|\bno|\bzero|\bwithout|\bfree (?:of|from)|\bdo(?:es)?n'?t|\bdo(?:es)? not|"
                r"\bwon'?t|\bstopped|\bphas(?:e|ed|ing) out|(?<!\S)(?:بدلًا من|بدلا من|عوضًا عن|وليس|لا|لن|دون|بدون|توقفنا عن|"
                r"خال\S* (?:\S+ )?من))(?!\w)\s?(?:\S+\s){0,4}|(?:而不是|而非|不是|不再|停止|不[用使含配给提供]|无|零)[^\s，。；,.;]{0,4}?)")
        tail = r"\S*(?:\s\S+){0,3}?\s?(?:대신|없이|없는|아닌|없앴|\S*지 않)"
    else:
        lead = (r"(?:(?:\binstead of|\brather than|\bnot (?:a|an|as|in)|(?<!\S)(?:بدلًا من|بدلا من|عوضًا عن|وليس))(?!\w)\s?(?:\S+\s)?|"
                r"(?:而不是|而非|不是)[^\s，。；,.;]{0,2}?)")
        tail = r"\S*\s?(?:대신|아닌)"
    return f"{lead}(?:{term})|(?:{term}){tail}"


_REFUND = (r"\b(?:full |cash )?refunds?\b|\brefunded\b|\bmoney back\b|\boriginal payment method\b|\bthe card you paid with\b|"
           r"退款|退还|退回|原路|现金|환불|돌려드|استرداد|نعيد (?:إليك )?المبلغ")
_CREDIT = (r"\bstore credit\b|\bvouchers?\b|\bgift[- ]cards?\b|\bcredit note\b|\bcoupons?\b|\be-?credit\b|代金券|优惠券|礼品卡|购物金|"
           r"积分|储值|적립금|상품권|쿠폰|قسيمة|رصيد|بطاقة هدايا")
# "refunded as store credit", "退还至礼品卡", "적립금으로 돌려드려요", "نعيد المبلغ كرصيد": the credit pole
_CREDIT = (r"\brefund(?:ed|s)? (?:as|in|into|to|with|via) (?:\S+ ){0,2}(?:" + _CREDIT + r")|(?:" + _CREDIT
           + r")(?:으로|로)\s?(?:환불|돌려드)|(?:退还|退回|退款|退)(?:至|到|为|成)[^，。]{0,4}?(?:" + _CREDIT
           + r")|(?:استرداد|نعيد)\S*(?: \S+){0,2} (?:ك|على شكل |في صورة )(?:" + _CREDIT + r")|" + _CREDIT)  # longest first
_PLASTIC = r"\bplastic\b|\bbubble ?wrap\b|\bpoly(?:thene|bags?| mailers?)\b|塑料|塑胶|气泡膜|비닐|플라스틱|에어캡|뽁뽁이|بلاستيك|نايلون"
_PAPER = r"\bpaper\b|\bcardboard\b|\bcotton (?:thread|tape|bags?)\b|\bplastic[- ]free\b|纸|종이|ورق|كرتون|القماش"
_LOCAL = r"\blocal(?:ly)?\b|\bdomestic(?:ally)?\b|\bhome[- ]grown\b|本地|当地|本土|国产|国内|국내|국산|동네|محلي"
_IMPORTED = (r"\bimport(?:ed|s)?\b|\bflown in\b|\bfly in\b|\bair[- ]?freighted\b|\bshipped in from\b|\bfrom abroad\b|进口|空运|国外|"
             r"들여|수입|مستورد|من الخارج")
_FRESH = (r"\bfresh(?:ly)?\b|\bbaked in-house\b|\bmade (?:fresh|in-house|to order)\b|新鲜|现做|现磨|现烤|现榨|当天研磨|신선|갓 |직접 구|طازج")
_PREMADE = (r"\bfrozen\b|\bpre-?(?:ground|made|cooked|baked)\b|\bready-made\b|\bconcentrate\b|冷冻|速冻|预制|浓缩|前一晚|提前磨|냉동|농축|"
            r"미리 |مجمد|مطحون مسبق")
_COLLECTED = (r"\bfrom your (?:door|home|doorstep)\b|\bcollect (?:\w+ ){0,3}from your (?:door|home|address)\b|"
              r"\bcourier (?:will )?(?:collects?|picks? up)\b|上门|방문(?:해)? 회수|방문 수거|회수해|من باب|نستلم (?:\S+ ){0,2}من")
_BROUGHT = (r"\bdrop (?:\w+ ){0,2}off at\b|\bbring (?:it|them) (?:back )?(?:to|into)\b|\bpost (?:it|them) back yourself\b|"
            r"\bat (?:a|your nearest) post office\b|自行寄回|自行送|送到门店|带到门店|직접 (?:\S+ ){0,3}보내|편의점 택배|إحضار|بنفسك إلى")
_DIRECT = r"\bdirect(?:ly)? from\b|\bdirect trade\b|\bstraight from\b|直接(?:从|向|采购)|直采|직접 (?:들여|구매|받아)|مباشرة من|من مزارع \S+ مباشرة"
_VIA = (r"\b(?:via|through) (?:a |an )?(?:suppliers?|distributors?|traders?|wholesalers?|middlem[ae]n|brokers?)\b|\btraders?\b|"
        r"\bwholesalers?\b|\bmiddlem[ae]n\b|贸易商|经销商|中间商|批发商|도매|유통업체|중간 ?상인|عبر (?:مورّد|مورد|موزّع|موزع|وسيط|تاجر)")
_AUTO = r"\bautomatic(?:ally)?\b|\bno (?:need to )?(?:apply|sign[- ]up)\b|تلقائيًا|تلقائيا|自动|자동으로"
_ON_REQUEST = (r"\bmanual(?:ly)?\b|\b(?:submit|send|make|file) (?:a |an |your )?(?:\w+ )?(?:request|application|claim)\b|"
               r"\bapply (?:for|by|through)\b|قدّم طلب|تقديم طلب|手动|提交申请|需申请|申请|신청|직접 요청")

# Concepts whose poles are two terms: the words a concept needs somewhere in the text before either pole
# can match. Each pole is its own term, or the other term set aside ("store credit instead of a refund").
_TERMS = {"refund_credit": (_REFUND, _CREDIT), "paper_plastic": (_PAPER, _PLASTIC),
          "local_imported": (_LOCAL, _IMPORTED), "fresh_premade": (_FRESH, _PREMADE),
          "collected_brought": (_COLLECTED, _BROUGHT), "direct_intermediary": (_DIRECT, _VIA),
          "automatic_on_request": (_AUTO, _ON_REQUEST)}


def _either(name: str, wide: bool = True) -> tuple[str, str]:
    """The two poles of a concept of ``_TERMS``: each term, or the other one denied."""
    x, y = _TERMS[name]
    return f"{x}|{_denied(y, wide=wide)}", f"{y}|{_denied(x, wide=wide)}"


# concept -> (pole A, pole B); each pole is one regex over all four languages.
_POLES: dict[str, tuple[str, str]] = {
    "open_closed": (
        r"\bopen\b|\bopens\b|\bavailable\b|营业|开放|开门|운영|영업|문을 엽|مفتوح|نعمل|متاح",
        r"\bclosed?\b|\bshut\b|休息|关闭|关门|休业|不营业|公休|휴무|휴업|쉽니다|닫|مغلق|عطلة|إجازة",
    ),
    "free_paid": (
        r"\bfree\b|no (?:extra |additional |hidden )?(?:charges?|fees?)|at no cost|no cost|complimentary|免费|免費|包邮|包郵|免运费|"
        r"免運費|不收(?:取)?任何费用|零费用|" + ZH_NO_CHARGE + r"|무료|(?:수수료|비용|요금|배송비)\s?(?:걱정\s?)?없이|مجان|(?:دون|بدون|بلا) (?:أي )?(?:تكلفة|رسوم)",
        r"\bfees?\b|\bcharges?\b|\bcosts?\b|\bpaid\b|\bpay\b|surcharge|收费|收費|加收|另收|另行收取|额外收取|額外收取|付费|付費|需支付|另付|费用|費用|運費|유료|부과|비용|요금|رسوم|تكلفة|يدفع|مدفوع|بمقابل",
    ),
    "required_optional": (
        r"\brequired\b|\bmust\b|mandatory|\bneed to\b|\bneeds to\b|\bha(?:ve|s) to\b|必须|必需|强制|务必|務必|须|須|需要|"
        r"필수|해야|반드시|إلزامي|يجب|مطلوب",
        r"\boptional\b|if you(?:'d| would)? (?:like|wish|want|prefer)|\bcan choose\b|\bup to you\b|可选|自愿|选择性|선택|원하시면|اختياري|إن رغبت|"
        r"\bwe (?:recommend|encourage|suggest)\b|建议|建議|권장|권고|نوصي|ننصح|"
        # a necessity denied: "no need to", "not required", "无需", "필요 없", "لا حاجة"
        r"\bno need\b|\b(?:don'?t|do not|doesn'?t|does not|won'?t|will not) (?:need|have) to\b|"
        r"\bnot (?:required|necessary|needed|mandatory)\b|\bno (?:[\w-]+ ){1,3}(?:needed|required)\b|\bwithout (?:needing|having) to\b|"
        r"无需|無需|不需要|不必|不用|毋须|필요(?:가|는)? 없|(?:않으셔도|안 하셔도|없어도|않아도|필요 없이도) (?:됩니다|돼요)|"
        r"لا حاجة|دون الحاجة|بدون الحاجة|لا يلزم|لا يشترط|غير (?:مطلوب|إلزامي)",
    ),
    "own_partner": (
        r"\bour own\b|in-house|ourselves|自营|自有|自己的|我们自己|자체|직접|الخاصة بنا|الخاص بنا|أسطولنا|بأنفسنا|مصانعنا",
        r"\bpartners?\b|third[- ]part(?:y|ies)|outsourc|external|contractors?|\bteam(?:ed)? up with\b|合作|第三方|外包|代工|외부|협력|대행|위탁|"
        r"شريك|شركاء|طرف ثالث|خارجي|نتعاون مع|بالتعاون مع",
    ),
    "permanent_expiring": (
        r"never expire|\bpermanent|\bforever\b|lifetime|no expir|永久|永不过期|不会过期|영구|소멸되지|만료되지|لا تنتهي|دائم",
        r"\bexpire|\bexpiry\b|\bvalid (?:for|until)\b|过期|有效期|清零|소멸|유효기간|만료|تنتهي|صلاحية",
    ),
    "brand_customer_pays": (  # who bears a cost: "return shipping is on us" / "at the customer's expense"
        r"\bon us\b|we (?:cover|pay for|pay the|bear)|at our (?:cost|expense)|저희가 부담|당사(?:가)? 부담|(?:由)?我们承担|"
        r"由本店承担|我方承担|نتحمل|على حسابنا",
        r"at (?:your|the customer'?s) (?:own )?(?:cost|expense)|customers? (?:pays?|covers?|bears?)|you (?:pay|cover)|"
        r"고객님?(?:이|께서)? 부담|(?:由)?(?:顾客|買家|买家|您)(?:自行)?承担|自付|يتحمل العميل|على حساب العميل|على نفقتك",
    ),
    "fixed_changing": (
        r"\blocked(?: in)?\b|\bfixed\b|never (?:go(?:es)? up|increase|rise)s?|stays? the same|(?:永远|始终)[^，。]{0,6}(?:相同|不变)|"
        r"保持不变|고정|변동 없|동결|ثابت|لن (?:يرتفع|تزيد)",
        r"\bgo(?:es)? up\b|\bincreas(?:e|es|ed|ing)\b|\brais(?:e|es|ed|ing)\b|\bprice (?:review|change)s?\b|"
        r"\bare reviewed\b|上涨|涨价|调价|调整价格|按原价|인상|오를|يرتفع|زيادة الأسعار|ستزيد",
    ),
    "all_partial": (
        r"\ball\b|\bevery\b|\bany\b|\bentire\b|100\s?%|所有|全部|一律|任何|全场|全場|모든|전 상품|전 매장|جميع|كل |أي ",
        r"\bsome\b|(?<!\bthe )(?<!\bour )(?<!\bits )(?<!\btheir )\bmost\b|\bonly\b|\bpart of\b|\bhalf\b|\bmajority\b|\bselected?\b|\bmix(?:es|ed)?\b|\bblend(?:s|ed)?\b|混用|混合|混纺|섞|혼합|نمزج|مزيج|\b\d+ (?:of|out of) (?:our |the |its )?\d+\b|\d+\s*(?:곳|개|명)\s*중|من أصل|部分|大部分|一些|仅|只|일부|대부분|만 가능|بعض|معظم|فقط",
    ),
    "anytime_restricted": (
        r"\bany ?time\b|at any moment|whenever|随时|任何时候|언제든지|언제든|في أي وقت",
        r"\bminimum\b|\bnotice\b|\bat least\b|\bonly after\b|\block-in\b|最少|至少|提前|满\d|최소|이후에만|전에 미리|على الأقل|مسبق",
    ),
    "included_excluded": (
        r"\binclud(?:e|es|ed|ing)\b|\bcovers?\b|\bappl(?:y|ies) to\b|包含|含|涵盖|适用|適用|포함|적용|يشمل|شامل|مشمول|ينطبق على",
        r"\bexclud(?:e|es|ed|ing)\b|not included|\bextra\b|\badditional\b|\bexcept\b|customers? pays?|\bpay (?:\w+ ){0,3}on delivery|自付|自行承担|부담|يتحمل|不含|除外|另付|额外|不适用|제외|별도|추가|적용되지|باستثناء|لا يشمل|إضافية",
    ),
    "always_sometimes": (
        r"\balways\b|\bevery time\b|\bwithout exception\b|始终|总是|一直|항상|언제나|دائمًا|دائما",
        r"\bsometimes\b|\boccasionally\b|\bmay\b|\bmight\b|\bnot always\b|有时|偶尔|可能|때때로|가끔|경우에 따라|أحيانًا|قد ",
    ),
    "same_different": (
        r"\bsame\b|\bidentical\b|\bunchanged\b|相同|一样|不变|동일|같은|نفس|ذات",
        r"\bdifferent\b|\bdiffer\b|\bchanges?\b|\bhigher\b|\blower\b|不同|上涨|涨价|변경|인상|다른|مختلف|أعلى|يتغير",
    ),
    "human_automated": (  # who answers: a person, or a machine
        r"\breal (?:person|people|human)s?\b|\bhumans?\b|\bperson\b|\bstaff\b|\bagents?\b|人工|真人|客服人员|专人|"
        r"專人|상담원|상담사|사람이|직원이|موظف|شخص حقيقي|بشري|فريق خدمة العملاء",
        r"\bbots?\b|\bchatbots?\b|\bAI\b|\bautomat(?:ed|ic|ically)\b|\bvirtual assistant|机器人|智能客服|自动回复|"
        r"自動回覆|(?<![A-Za-z])AI(?![A-Za-z])|챗봇|자동 응답|인공지능|روبوت|آلي|ذكاء اصطناعي|تلقائي",
    ),
    "public_confidential": (  # what a brand discloses
        r"\bpublish(?:es|ed|ing)?\b|\bpublic(?:ly)?\b|\bdisclos(?:e|es|ed)\b|\btransparen|公开|公布|披露|공개|게시|"
        r"ننشر|نشر|علن|نكشف|الإفصاح",
        r"\bconfidential\b|\bkeep (?:\w+ ){0,4}(?:private|secret)\b|\bundisclosed\b|\bnot (?:disclose|publish)|"
        r"保密|不公开|不公開|不对外|비공개|기밀|공개하지 않|سري|لا (?:ننشر|نكشف|نفصح)",
    ),
    "consent_default": (  # asked first, or on unless you refuse
        r"\bopt(?:s|ed)?[- ]in\b|\bonly (?:with|after) (?:your )?(?:consent|permission)|\buntil you (?:opt|agree|accept|say)|"
        r"\bask (?:for )?your (?:consent|permission)|经您同意|征得您的同意|您同意后|동의하신 경우에만|동의 후에만|동의하실 때까지|"
        r"بموافقتك|بعد موافقتك|إلا بموافقتك",
        r"\bby (?:continuing|using|browsing)\b|\bby default\b|\bautomatically (?:on|enabled|opted|subscribed|added)|"
        r"\bpre-?ticked\b|\bopt(?:s|ed)?[- ]out\b|默认|默認|继续浏览即|자동으로 (?:동의|설정|가입)|기본으로|계속 이용하시면|"
        r"بشكل افتراضي|افتراضيًا|بمتابعة التصفح|باستمرارك",
    ),
    "self_assisted": (  # done by the customer in a click, or only through the service team
        r"\bone[- ]click\b|\bin one click\b|\bwith one click\b|\bonline\b|\bin (?:the|our) app\b|\byourself\b|"
        r"\bfrom your account\b|一键|在线|線上|自助|在账户|클릭 한 번|원클릭|온라인으로|직접|بنقرة واحدة|بنفسك|عبر الإنترنت",
        r"\b(?:call|phone|email|write to|contact)(?:ing)? (?:our |the )?(?:support|customer (?:service|care)|team|us)\b|"
        r"\bin person\b|\bvisit (?:a|one of our) stores?\b|致电|联系客服|聯繫客服|发送邮件至|寄信|到店办理|고객센터로|전화|"
        r"방문하셔야|الاتصال بخدمة العملاء|التواصل مع خدمة العملاء|زيارة (?:أحد )?فروعنا",
    ),
    "refund_credit": _either("refund_credit", wide=False),  # "a full refund" / "a voucher instead of a refund"
    "paper_plastic": (  # "paper tape only", "plastic-free" against "wrapped in plastic"
        f"{_PAPER}|{_denied(_PLASTIC, wide=True)}",
        _PLASTIC,
    ),
    "local_imported": _either("local_imported"),
    "fresh_premade": _either("fresh_premade"),
    "collected_brought": _either("collected_brought"),  # the courier collects it, or you bring it to a store
    "direct_intermediary": _either("direct_intermediary"),
    "automatic_on_request": _either("automatic_on_request"),
    "handmade_machine": (
        r"\bhand[- ]?(?:made|crafted|sewn|stitched|woven|knitted|painted|finished|poured|rolled|thrown|tied|picked|loomed|carved|built)\b|"
        r"\bby hand\b|手工|手作|纯手|수제|손으로|핸드메이드|수작업|يدوي|بأيدي|باليد",
        r"\bmachine[- ]?(?:made|sewn|stitched|knitted|woven)\b|\bby machine\b|\bmass[- ]produced\b|\bfactory[- ]made\b|机器|机制|机械|流水线|"
        r"기계|آليًا|آليا|بالآلات|بالآلة|مكائن",
    ),
    "at_once_separately": (  # one switch for everything, or each one separately
        r"\b(?:a |one )?single (?:switch|click|tap|toggle|step)\b|\bone[- ](?:click|tap)\b|\ball at once\b|\bin one go\b|"
        r"\bwith one (?:switch|click|tap)\b|一次(?:退订|取消|关闭|操作|设置)即可|一键|한 번에|한꺼번에|클릭 한 번|دفعة واحدة|بنقرة واحدة",
        r"\bone (?:at a|by) (?:time|one)\b|\bseparately\b|\bindividually\b|\beach (?:one|category|list)\b|分别|逐个|逐一|各自|"
        r"따로|개별|각각|كل على حدة|بشكل منفصل|منفردة",
    ),
    "encrypted_plain": (r"\bencrypt|加密|암호화|مشفر|مشفّر|تشفير", r"\bplain ?text\b|\bunencrypted\b|明文|평문|غير مشفر"),
}
# each pattern runs only on a text that holds a word it needs (consistency.judge.lexicon.Gated)
_COMPILED = {name: (gated(a, re.IGNORECASE), gated(b, re.IGNORECASE)) for name, (a, b) in _POLES.items()}
# A concept of _TERMS matches only where one of its terms does: one cheap search spares its slow patterns
# on most statements. Verdicts do not change.
_GATES = [gated("|".join(_TERMS[name]), re.IGNORECASE) if name in _TERMS else None for name in _POLES]
_UN_PREFIX = re.compile(r"\b(?:un|non-?|in)([a-z]{4,})\b", re.IGNORECASE)
_CAPITALISED = re.compile(r"(?<=[\s(])([A-Z][a-z]{2,}(?:\s[A-Z][a-z]+)*)")

# "plastic-free" against "wrapped in plastic": the thing a statement is free of, named plainly by the other.
_FREE_OF = (
    # "plastic-free", not "ships free" or "try any plan free": with a space, "free" is the price
    re.compile(r"\b([a-z]{4,})-free\b", re.IGNORECASE),
    re.compile(r"(?:无|不含|不使用|零)([\u4e00-\u9fff]{2,3})"),
    re.compile(r"([가-힣]{2,})(?:[을를이가]\s*)?(?:없는|쓰지 않은|사용하지 않은|프리)"),
    re.compile(r"(?:خال[ٍ]? من|خالية من|بدون|دون)\s+(?:ال)?([\u0621-\u064a]{3,})"),
)

CONCEPTS = tuple(_POLES)


@lru_cache(maxsize=65536)
def _poles(text: str) -> tuple[tuple[bool, bool], ...]:
    """Which poles of each concept a text uses. A match inside a match of the other pole does not
    count: "no fee" is the free pole, not a fee; "not included" is the excluded pole."""
    out = []
    for (a, b), gate in zip(_COMPILED.values(), _GATES):
        if gate is not None and not gate.search(text):
            out.append((False, False))
            continue
        ma, mb = [m.span() for m in a.finditer(text)], [m.span() for m in b.finditer(text)]
        inside = lambda s, others: any(o[0] <= s[0] and s[1] <= o[1] and o != s for o in others)  # noqa: E731
        out.append((any(not inside(x, mb) for x in ma), any(not inside(x, ma) for x in mb)))
    return tuple(out)


# Capitalised words that name no place, partner or product: days and months are times (the slots read
# them), "Good Friday" a holiday
_CALENDAR = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|\b(?:january|february|march|april|may|june|"
                       r"july|august|september|october|november|december)\b", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _names(text: str) -> frozenset[str]:
    """Capitalised names inside an English sentence (not its first word): places, partners, products.
    Not days or months, nor a market or group the scope terms already compare ("Australian")."""
    scoped = SCOPES.may_match(text)  # else no name in it is a scope term either
    return frozenset(name for m in _CAPITALISED.finditer(text)
                     if not _CALENDAR.search(name := m.group(1).lower()) and not (scoped and SCOPES.find(name)))


def contrast_features(a: str, b: str) -> dict[str, float]:
    """One feature per concept (1.0 when the statements take opposite poles), and their sum."""
    feats: dict[str, float] = {}
    total = 0.0
    for name, (pa, pb) in zip(CONCEPTS, zip(_poles(a), _poles(b))):
        clash = (pa[0] and not pa[1] and pb[1] and not pb[0]) or (pa[1] and not pa[0] and pb[0] and not pb[1])
        feats[name] = float(clash)
        total += clash
    low_a, low_b = a.lower(), b.lower()
    negated = any(stem in low_b and word not in low_b for stem, word in _un_words(a)) or \
        any(stem in low_a and word not in low_a for stem, word in _un_words(b))
    feats["un_prefix"] = float(negated)
    free_of = _free_of_clash(a, b) or _free_of_clash(b, a)
    feats["free_of"] = float(free_of)
    origin = origins_differ(a, b)
    feats["origin_differs"] = float(origin)
    names_a, names_b = _names(a), _names(b)
    if origin:  # "knitted in Scotland" / "made in Portugal": the places are what differs, not the scope
        names_a, names_b = (frozenset(n for n in ns if not origin_places(n, need_word=False)) for ns in (names_a, names_b))
    feats["names_disjoint"] = float(bool(names_a) and bool(names_b) and not (names_a & names_b))
    feats["any"] = total + negated + free_of + origin
    return feats


# How a clash of each concept reads in a finding's reasons.
_LABELS = {
    "open_closed": "open against closed", "free_paid": "free against paid", "required_optional":
    "required against optional", "own_partner": "our own against a partner's", "permanent_expiring":
    "permanent against expiring", "brand_customer_pays": "who pays", "fixed_changing": "fixed against changing",
    "all_partial": "all against part", "anytime_restricted": "any time against a restriction",
    "included_excluded": "included against excluded", "always_sometimes": "always against sometimes",
    "same_different": "the same against different", "human_automated": "a person against a machine",
    "public_confidential": "published against kept confidential", "consent_default": "asked first against on by default",
    "self_assisted": "self-service against only through the team",
    "refund_credit": "money back against store credit", "paper_plastic": "paper or plastic-free against plastic",
    "local_imported": "local against imported", "fresh_premade": "fresh against frozen or pre-made",
    "collected_brought": "collected from you against brought in by you",
    "direct_intermediary": "direct against through an intermediary",
    "automatic_on_request": "automatic against on request", "handmade_machine": "by hand against by machine",
    "at_once_separately": "all at once against one by one", "encrypted_plain": "encrypted against plain text",
    "origin_differs": "made or grown in different places",
}


def explain_contrasts(a: str, b: str) -> list[tuple[str, Span, Span]]:
    """The opposite poles two statements take: a reason in words ("opposite terms (free against
    paid): 'free' vs 'fee'") and the span of each pole in its statement."""
    feats = contrast_features(a, b)
    out = []
    for name, (pa, pb) in _COMPILED.items():
        if feats.get(name):
            ma = pa.search(a)
            mb = pb.search(b) if ma else pa.search(b)
            ma = ma or pb.search(a)
            if ma and mb:
                label = _LABELS.get(name, name.replace("_", " "))
                out.append((f"opposite terms ({label}): '{ma.group(0).strip()}' vs '{mb.group(0).strip()}'",
                            Span(ma.start(), ma.end(), ma.group(0), "contrast"),
                            Span(mb.start(), mb.end(), mb.group(0), "contrast")))
    if feats.get("origin_differs"):
        (sa, ea), (sb, eb) = origin_spans(a)[0], origin_spans(b)[0]
        out.append((f"opposite terms ({_LABELS['origin_differs']}): '{a[sa:ea]}' vs '{b[sb:eb]}'",
                    Span(sa, ea, a[sa:ea], "contrast"), Span(sb, eb, b[sb:eb], "contrast")))
    return out


def _en_none_of(thing: str) -> re.Pattern[str]:
    """"no plastic in our parcels", "without any plastic", "there's no gluten": free of ``thing``, said plainly."""
    return re.compile(rf"\b(?:no|without(?: any)?|zero|never(?: any)?|not a (?:scrap|trace|speck|bit) of)\s+(?:\w+\s+)?{re.escape(thing)}",
                      re.IGNORECASE)


@lru_cache(maxsize=65536)
def _un_words(text: str) -> tuple[tuple[str, str], ...]:
    """(stem, word) of each negative-prefixed word ("unlimited": "limited", "unlimited"), lower case."""
    return tuple((m.group(1), m.group(0)) for m in _UN_PREFIX.finditer(text.lower()))


@lru_cache(maxsize=65536)
def _free_of_things(text: str) -> tuple[str, ...]:
    """What ``text`` says it is free of ("plastic-free": "plastic"), lower case."""
    return tuple(m.group(1).lower() for pattern in _FREE_OF for m in pattern.finditer(text))


def _free_of_clash(a: str, b: str) -> bool:
    """``a`` is free of something (plastic-free, 无塑料, 플라스틱 없는, خالٍ من البلاستيك) that ``b`` names
    without being free of it."""
    low_b, free_b = b.lower(), _free_of_things(b)
    return any(thing in low_b and thing not in free_b and not _en_none_of(thing).search(b)
               for thing in _free_of_things(a))
