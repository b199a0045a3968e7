"""Cue lexicons for telling commitments from messages, in English, Arabic, Chinese and Korean.

A cue is a named pattern; the same name means the same thing in every language ("promise"
fires on "we guarantee", "نضمن", "我们承诺", "약속합니다"), so the weights learned from all
four languages are shared and a cue's weight reads the same everywhere. Some cues lean to
commitments (promises, "never"/"always", time limits, "free", "you can"), others to messages
(limited offers, past-tense stories, announcements, questions, calls to action).

``cue_hits`` returns what fired and the matched text, for ``explain``; ``features`` turns
that into the feature vector the model in ``commitment_model.json`` was trained on.
Text labelled "und" (no letters recognised) uses the English lexicon; the detector scores
other languages without a lexicon as messages (see ``CommitmentDetector``).
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# English. "we" forms include contractions; verbs in both "we promise" and "is guaranteed" forms.
_EN = {
    "promise": r"\b(?:we|i)\s+(?:promise|guarantee|pledge|commit|vow|ensure|make sure)\b|\bcommitted to\b"
               r"|\bguarantee[sd]?\b|\bpromise[sd]?\b|\bpledge\b",
    "never_always": r"\bnever\b|\balways\b|\bat any time\b|\bat all times\b|\bany time\b|,\s*ever\b"
                    r"|\bfor life\b|\bwithout exception\b",
    "future_will": r"\b(?:we'll|will)\s+(?:\w+\s+)?(?:always|never|be|refund|replace|repair|fix|notify|tell|"
                   r"send|reply|respond|match|deliver|ship|return|cover)\b|\bwe'll\b|\bwill never\b",
    "negated_policy": r"\b(?:we|you)\s+(?:do not|don't|never|won't|will not|cannot)\b|\bno (?:hidden|extra|"
                      r"additional)\b|\bnone of\b|\bno\s+\w+\s+(?:fees?|charges?|costs?)\b|\bwithout\b",
    "universal": r"\ball\b|\bevery(?:one|thing|where|body)?\b|\beach\b|\bany\b",
    "time_limit": r"\bwithin\s+(?:\w+\s+){0,2}(?:minutes?|hours?|days?|weeks?|months?|years?)\b"
                  r"|\bup to\s+\d+|\b\d+[- ](?:day|hour|month|year)\b|\bsame day\b|\bas soon as\b",
    "free_cost": r"\bfree\b|\bat no (?:extra |additional )?cost\b|\bno charge\b|\bfree of charge\b"
                 r"|\brefund(?:s|ed)?\b|\bcosts? (?:you )?nothing\b|\bcomplimentary\b|\binterest-free\b",
    "availability": r"\b24/7\b|\baround the clock\b|\bavailable\b|\bopen\s+(?:monday|daily|every)\b",
    "ability": r"\byou can\b|\byou may\b|\bcan be\b|\bare welcome\b|\bis welcome\b|\byou'll (?:always|never)\b",
    "stated_fact": r"\b(?:is|are)\s+(?:\w+\s+)?(?:made|certified|stored|encrypted|included|sourced|tracked|"
                   r"insured|covered|delivered|processed|issued|designed|produced|packed|handled|protected|paid)\b"
                   r"|\b(?:include|includes|cover|covers|comes with|come with|accept|run on|runs on)\b",
    "we_present": r"\bwe\s+(?!were\b|was\b|had\b|did\b|have\b|are\s+\w+ing\b|re\b)[a-z]+(?<!ed)\b",
    "limited_offer": r"\b(?:today|tonight|this (?:weekend|week|month|friday|saturday|sunday))\b(?:\s+only)?"
                     r"|\bonly\b.{0,20}\b(?:weekend|today|tonight|days?)\b|\b(?:weekend|weeks?|days?|hours?) only\b"
                     r"|\blimited time\b|\buntil\s+"
                     r"(?:midnight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\w+ \d+)|\bthrough "
                     r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|\b\d+\s?% off\b|\boff\b"
                     r"|\bsale\b|\bdeals?\b|\bcode\b|\bdiscount\b|\bbonus\b|\bdouble\b|\btriple\b|\bhalf price\b"
                     r"|\bjust \$|\bfor just\b|\bends\b",
    "past": r"\blast (?:year|month|week|spring|summer|autumn|fall|winter|christmas)\b|\byesterday\b|\bago\b"
            r"|\b(?:in|since) (?:19|20)\d\d\b|\b(?:was|were|did|had)\b|\bwe(?:'ve)?\s+\w+ed\b|\bthis morning\b"
            r"|\bcould(?:n't| not)\b|\b(?:has|have)\s+(?:\w+\s+)?(?:been|\w+ed)\b|\b(?:turned|began|"
            r"started|opened|moved|grew|sold|spoke|visited|tested|fixed|added|planted|lowered|processed|shipped)\b",
    "announcement": r"\bnew\b|\bnow\b|\bintroducing\b|\blaunch\w*\b|\bopens\b|\bnow open\b|\breopens?\b"
                    r"|\bcoming soon\b|\bis out\b|\bis here\b|\bback in stock\b|\bdrops?\b|\bjust landed\b|\bupdated\b"
                    r"|\b(?:are|is|we're|we are)\s+\w+ing\b",
    "question": r"^(?:how|what|why|when|where|who|which|did|do|does|can i|is|are|have you|want)\b",
    "cta": r"^(?:shop|discover|explore|sign up|subscribe|join|buy|get|visit|read|check|follow|meet|try|learn|"
           r"find|see|use|print|register|tell|turn on|vote|give|call|chat|don't miss|manage|order|start|"
           r"download|book|share|beware|pay|save|grab|hurry)\b",
    "thanks": r"\bthanks?\b|\bthank you\b|\bwelcome to\b|\bhappy (?:holidays|new year)\b|\bcongrat",
    "feeling": r"\b(?:love|loved|excited|proud|thrilled|believe)\b|\b(?:we're|we are)\s+(?:\w+\s+)?happy\b",
}

# Arabic, matched after _arabic_fold (no diacritics or tatweel, one alef): "أبدًا" is "ابدا".
_AR = {
    "promise": r"نلتزم|نضمن|نتعهد|نعد(?:ك|كم)\b|ملتزمون|مضمون|نحرص|التزامنا",
    "never_always": r"ابدا|دائما|في اي وقت|مدى الحياة|على الاطلاق|طوال",
    "future_will": r"\bلن\b|\bسن(?!ة|وات)\w{2,}|\bست(?!ة)\w{3,}|\bسي(?!اسة|ارة)\w{3,}|سوف",
    "negated_policy": r"\bلا\s+(?:ن|ت|ي)\w+|\bلن\b|لا (?:توجد|يوجد)|بدون|دون\b",
    "universal": r"\bجميع|\bكل\b|\bاي\b|\bلكل\b|\bبكل\b|\bلجميع",
    "time_limit": r"\bخلال\b|\bفور\b|\bبحد اقصى|على الاكثر|في نفس اليوم",
    "free_cost": r"مجان|بدون رسوم|دون رسوم|استرداد|نعيد (?:لك )?(?:المبلغ|رسوم)|يعاد المبلغ|بدون فوائد",
    "availability": r"على مدار الساعة|متاح|طوال ايام الاسبوع|24/7",
    "ability": r"يمكنك|يمكن(?!ني)|بامكانك",
    "stated_fact": r"مصنوع|معتمد|مشفر|تشمل|يشمل|تتضمن|يتضمن|خالية من|خال من",
    "we_present": r"(?:^|\s)ن(?!حن)\w{2,}",
    "limited_offer": r"لفترة محدودة|(?:اليوم|الليلة|الاسبوع|الجمعة|السبت|الاحد)\s+فقط|حتى (?:يوم|منتصف)"
                     r"|خصم|عروض|\bعرض\b|بنصف السعر|مضاعفة|ثلاثية|احصل على",
    "past": r"العام الماضي|الشهر الماضي|الاسبوع الماضي|\bامس\b|\bقبل\s+\w+\s+(?:سنوات|اعوام|اشهر)|\bفي عام"
            r"|\b(?:قمنا|اضفنا|افتتحنا|اطلقنا|زرعنا|اصلحنا|زرنا|جربنا|اعدنا|حصلنا|بدانا|بعنا|شحنا|تبرعنا|احتفلنا"
            r"|انتقلنا|صممنا|غيرنا|حدثنا|كان|كانت|كنا|انضمت|انضم|صدر|عادت|تم|لم)\b|مضى",
    "announcement": r"جديد|افتتاح|\bالان\b|اصبح|قريبا|اطلاق|صدر|عادت",
    "question": r"^(?:هل|ما|ماذا|لماذا|كيف|متى|كم|اين|من)\b",
    "cta": r"^(?:اشترك|انضم|انضموا|تسوق|اكتشف|احصل|استخدم|سجل|تحقق|جرب|اخبرنا|تعرف|احذر|فعل|امنح|اقرا|ابدا"
           r"|اطلب|تابع|شارك|زوروا|زر|اتصل|تواصل)\b",
    "thanks": r"شكرا|نشكر|اهلا|مرحبا|تهانينا",
    "feeling": r"نحب|سعداء|فخورون|نؤمن",
}

_ZH = {
    "promise": r"承诺|保证|确保|担保|保障|致力于|负责",
    "never_always": r"绝不|决不|从不|永不|永久|始终|一直|随时|终身|任何时候",
    "future_will": r"将|(?<![社机大])会(?![员议])|一定",
    "negated_policy": r"不会|不收取|不含|无需|绝不|从不|未经|不使用|不出售|不共享|不存储|无(?!障碍)",
    "universal": r"所有|全部|每|均|都|任何|一律|全体",
    "time_limit": r"\d+\s*(?:天|小时|个工作日|分钟)(?:内|之内)|[一二三四五六七八九十两]+(?:天|年|个工作日)内|当天|立即为|一到",
    "free_cost": r"免费|包邮|免运费|退还|退款|不收取.{0,4}费|承担",
    "availability": r"全天候|无休|24小时|7\s*[x×*]\s*24|在线",
    "ability": r"可以|可(?!能)|即可|支持",
    "stated_fact": r"均为|采用|包含|制成|认证|加密|享受",
    "we_present": r"我们(?!的)",
    "limited_offer": r"限时|仅限|仅需|本周[末五六日]|今[天晚日]|截止|[一二三四五六七八九]折|优惠|抢购|特价|双十一"
                     r"|黑色星期五|翻倍|三倍|立享|体验价|半价|获赠|前.{0,6}免",
    "past": r"去年|上个?月|上周|昨天|曾经|(?<![为除])了(?!解)|已经",
    "announcement": r"新|上线|发布|开业|启用|补货|现已|推出|即将|现在",
    "question": r"吗[？?]?$|什么|如何|为什么|多久|多少|怎么|哪",
    "cta": r"^(?:立即|点击|快来|欢迎|请|认识一下|告诉我们|注册|输入|订阅|今天就)|吧[！!。]?$",
    "thanks": r"感谢|谢谢|祝",
    "feeling": r"热爱|喜欢|开心|自豪|相信",
}

_KO = {
    "promise": r"약속|보장|책임지|보증|다짐|최선을",
    "never_always": r"절대|항상|언제든|언제나|평생|늘|결코",
    "future_will": r"겠습니다|드리겠|할 것",
    "negated_policy": r"않습니다|않으며|않아요|없습니다|없이|없으며|전혀",
    "universal": r"모든|매(?:\s|일|주|월|년)|전체|어떤|누구나",
    "time_limit": r"이내|이전|즉시|당일|최대",
    "free_cost": r"무료|무상|환불|돌려드|수수료 없|비용 없",
    "availability": r"연중무휴|24시간|상시|운영됩니다",
    "ability": r"수 있습니다|가능합니다|하실 수|가능한",
    # A formal present-tense ending ("-ㅂ니다/-습니다", not the past "-었습니다"): how policies are written.
    "stated_fact": r"(?<![았었였했됐봤웠]습)니다[.!]?$",
    "we_present": r"저희|당사",
    "limited_offer": r"이번\s?주말|오늘|하루|까지|할인|특가|한정|반값|단돈|[0-9]배|혜택|쿠폰|이벤트|세일",
    "past": r"작년|지난\s?(?:주|달|해)|어제|[았었였했됐봤웠]습니다|[았었였했됐봤웠]어요|었던|나왔|했다",
    "announcement": r"신상|새로|새\s|출시|오픈|문을 열|재입고|발행|변경되었|이제|곧|시작됩니다",
    "question": r"[나까가]요\s*\?$|습니까|\?$|어떻게|무엇|얼마나|언제\s",
    "cta": r"(?:하세요|보세요|주세요|받으세요|확인하세요|참여하세요|설정하세요|주의하세요|함께해요|만나보세요)[.!]?$",
    "thanks": r"감사|고맙|축하",
    "feeling": r"사랑|행복|기쁘|자랑",
}

# Language-neutral cues, checked in every language.
_ANY = {
    "percent_100": r"100\s?%|١٠٠\s?٪",
    "round_clock": r"24/7|24\s?h\b",
    "has_number": r"[0-9٠-٩]",
}

# Arabic is written with or without short vowels, and alef/yaa forms vary by writer: fold them.
_AR_DIACRITICS = dict.fromkeys([*range(0x064B, 0x0660), 0x0670, 0x0640])  # harakat, dagger alef, tatweel
_AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", **{chr(k): None for k in _AR_DIACRITICS}})


def _fold(text: str, lang: str) -> str:
    return text.translate(_AR_FOLD) if lang == "ar" else text


def _compile(table: dict[str, str], lang: str = "") -> dict[str, re.Pattern[str]]:
    """Compile a lexicon; Arabic patterns are folded like the text they will meet."""
    return {name: re.compile(_fold(src, lang), _I) for name, src in table.items()}


LEXICONS: dict[str, dict[str, re.Pattern[str]]] = {
    "en": _compile(_EN), "ar": _compile(_AR, "ar"), "zh": _compile(_ZH), "ko": _compile(_KO),
}
LEXICONS["und"] = LEXICONS["en"]  # a line with no language detected is most often English chrome
NEUTRAL = _compile(_ANY)
CUE_NAMES: tuple[str, ...] = tuple(sorted({n for lex in LEXICONS.values() for n in lex} | set(NEUTRAL)))
SHAPE_NAMES: tuple[str, ...] = ("shape:ends_exclaim", "shape:ends_question", "shape:short")
FEATURE_NAMES: tuple[str, ...] = tuple(f"cue:{n}" for n in CUE_NAMES) + SHAPE_NAMES

_EXCLAIM = re.compile(r"[!！]\W*$")
_QUESTION = re.compile(r"[?？؟]\W*$")
_SHORT_WORDS = 5
_SHORT_CJK = 10


def cue_hits(text: str, lang: str) -> dict[str, str]:
    """{cue name: first matched text} for the cues that fire on ``text``."""
    folded = _fold(text.strip(), lang)
    hits = {}
    for table in (LEXICONS.get(lang, {}), NEUTRAL):
        for name, pattern in table.items():
            m = pattern.search(folded)
            if m is not None:
                hits[name] = m.group(0).strip() or name
    return hits


def shape(text: str, lang: str) -> dict[str, float]:
    """Form, not words: exclamations sell, questions ask, very short lines rarely bind."""
    text = text.strip()
    size = len(text) if lang in ("zh", "ja") else len(text.split())
    limit = _SHORT_CJK if lang in ("zh", "ja") else _SHORT_WORDS
    return {
        "shape:ends_exclaim": float(bool(_EXCLAIM.search(text))),
        "shape:ends_question": float(bool(_QUESTION.search(text))),
        "shape:short": float(size < limit),
    }


def features(text: str, lang: str) -> dict[str, float]:
    """The model's input: 1.0 for each cue that fires, plus the shape features."""
    feats = {f"cue:{name}": 1.0 for name in cue_hits(text, lang)}
    feats.update(shape(text, lang))
    return feats
