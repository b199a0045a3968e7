"""Multilingual word lists that map surface words to one key, compiled once.

"returns", "إرجاع", "退货" and "반품" are one topic (``return``); "US", "미국" and "الولايات المتحدة"
are one scope (``country:us``). The slot rules compare keys, so a commitment written in English
can be checked against a Korean post.

Entry syntax (one string per surface form):
* Latin entries are regular-expression sources, matched case-insensitively on word boundaries
  (``returns?|returned``); ``(?-i:US)`` makes a part case-sensitive ("US" is not "us").
* Arabic entries are literal words, matched with tolerance for tashkeel, tatweel and spelling
  variants of alef, ta marbuta and yaa, and without word boundaries (clitics attach to words).
* Chinese, Korean and full-width entries are literal strings; ``re:`` marks a raw regex entry in any
  script (``re:内(?!容)``), for the few forms that need a look-ahead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

import ahocorasick

from consistency.judge.numbers import ar_fold, ar_pattern


_NON_LATIN = re.compile(r"[\u0600-\u06ff\ufdfc\u3000-\u9fff\uac00-\ud7a3\uff00-\uffef]")
_ARABIC = re.compile(r"[\u0600-\u06ff\ufdfc]")
_LATIN_CHAR = re.compile(r"[A-Za-z$€£₩%+~]")
_AR_MARK = re.compile(r"[\u064b-\u0652\u0640]")


def _kind(entry: str) -> str:
    return "regex" if entry.startswith("re:") else "literal" if _NON_LATIN.search(entry) else "latin"


def _entry_pattern(entry: str, bounded: bool = True) -> str:
    if entry.startswith("re:"):
        return entry[3:]
    if _ARABIC.search(entry):
        return ar_pattern(entry)
    if _NON_LATIN.search(entry):
        return re.escape(entry)
    return rf"(?<![A-Za-z])(?:{entry})(?![A-Za-z])" if bounded else entry


@lru_cache(maxsize=4096)
def _folded(text: str) -> tuple[str, Sequence[int]]:
    """``text`` without Arabic marks and with one spelling of alef, ta marbuta and yaa, and for each
    character of the result its offset in ``text``."""
    if not _AR_MARK.search(text):  # most texts: nothing removed, every offset its own
        return ar_fold(text), range(len(text))
    kept = [(i, ch) for i, ch in enumerate(text) if not _AR_MARK.match(ch)]
    return ar_fold("".join(ch for _, ch in kept)), tuple(i for i, _ in kept)


try:  # the parser behind re.compile: private, so an unreadable form only costs the shortcut
    from re import _parser as _re_parser
except ImportError:  # pragma: no cover
    import sre_parse as _re_parser  # type: ignore[no-redef]

_REPEATS = {_re_parser.MAX_REPEAT, _re_parser.MIN_REPEAT, getattr(_re_parser, "POSSESSIVE_REPEAT", None)}


_DIGIT = re.compile(r"\d")


def _prefilter_form(text: str) -> str:
    """What the prefilter reads: casefolded, every digit as 0 (so that ``\\d`` needs a "0"), and the
    dotless ı as i (the one letter a case-insensitive regex takes for an ASCII letter that casefolding
    keeps apart)."""
    return _DIGIT.sub("0", text.casefold().replace("ı", "i"))


def _class_chars(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """The characters (in prefilter form) a character class matches, if few; None for a wide or negated one."""
    chars: set[str] = set()
    for kind, value in items:
        if kind is _re_parser.LITERAL:
            chars.add(_prefilter_form(chr(value)))
        elif kind is _re_parser.CATEGORY and value is _re_parser.CATEGORY_DIGIT:
            chars.add("0")
        elif kind is _re_parser.RANGE and value[1] - value[0] < 64:
            chars |= {_prefilter_form(chr(c)) for c in range(value[0], value[1] + 1)}
        else:
            return None
    return frozenset(chars)


def _required(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """Strings one of which every match of a parsed regex sequence contains (in prefilter form), or None.

    A run of literal characters is required; so is one of the requirements of every branch of an
    alternation, and what a group, a repeat of at least one or a narrow character class requires. Of the
    requirements found, the one whose shortest string is longest is kept (the rarest, most likely), and
    of those alike the one of fewest strings ("周岁|岁" rather than every numeral of every language)."""
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _re_parser.LITERAL:
            run.append(chr(av))
            continue
        if run:
            found.append(frozenset({_prefilter_form("".join(run))}))
            run = []
        need = None
        if op is _re_parser.SUBPATTERN:
            need = _required(av[-1])
        elif op is _re_parser.BRANCH:
            branches = [_required(b) for b in av[1]]
            need = None if any(b is None for b in branches) else frozenset().union(*branches)
        elif op in _REPEATS and av[0] >= 1:
            need = _required(av[2])
        elif op is _re_parser.IN:  # [内內], \d
            need = _class_chars(av)
        if need:
            found.append(need)
    if run:
        found.append(frozenset({_prefilter_form("".join(run))}))
    return max(found, key=lambda words: (min(map(len, words)), -len(words))) if found else None


def needed_words(sources: Sequence[str], flags: int = re.IGNORECASE) -> frozenset[str] | None:
    """Words one of which any match of any of ``sources`` holds (casefolded, digits as 0); None when
    one of them needs none."""
    words: set[str] = set()
    for source in sources:
        try:
            need = _required(_re_parser.parse(source, flags))
        except Exception:  # noqa: BLE001 - a form the private parser cannot read just always runs
            need = None
        if not need or "" in need:
            return None
        words |= need
    return frozenset(words)


class Prefilter:
    """Which of several regexes can match a text at all, from one Aho-Corasick pass over it.

    A regex can match only a text that holds one of the words every match of it holds
    (``needed_words``); ``candidates`` names the regexes whose words the text holds, and those that
    need none. A regex not named cannot match, so skipping it changes no result."""

    def __init__(self, needs: Sequence[frozenset[str] | None]) -> None:
        self.always = frozenset(i for i, words in enumerate(needs) if words is None)
        by_word: dict[str, set[int]] = {}
        for i, words in enumerate(needs):
            for word in words or ():
                by_word.setdefault(word, set()).add(i)
        self._automaton = _automaton({word: frozenset(ids) for word, ids in by_word.items()})

    @classmethod
    def of(cls, sources: Sequence[str]) -> Prefilter:
        return cls([needed_words([source]) for source in sources])

    def candidates(self, text: str) -> frozenset[int]:
        if self._automaton is None:
            return self.always
        found = set(self.always)
        for _, ids in self._automaton.iter(_prefilter_form(text)):
            found |= ids
        return frozenset(found)


_REGISTRY: list[Lexicon] = []
"""Every lexicon made, in order: the shared automata cover them all."""

_NEEDS: list[frozenset[str] | None] = []
"""The needed words of every regex the shared pass serves (a lexicon's, or a ``Gated`` pattern's)."""


def _register(needs: frozenset[str] | None) -> int:
    _NEEDS.append(needs)
    return len(_NEEDS) - 1


class Gated:
    """A compiled regex that runs only on a text holding one of the words it needs (one shared
    Aho-Corasick pass a text serves every ``Gated`` pattern and every lexicon). Same results as the
    pattern's own ``finditer`` and ``search``."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._slot = _register(needed_words([pattern.pattern], pattern.flags))

    def may_match(self, text: str) -> bool:
        """False only if the pattern matches nowhere in ``text`` nor in any part of it."""
        return self._slot in _hits(text).needed

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.may_match(text) else iter(())

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.may_match(text) else None


def gated(source: str, flags: int = 0) -> Gated:
    return Gated(re.compile(source, flags))


class _Automata:
    """Every lexicon's literal forms as one Aho-Corasick automaton, and the words every registered
    regex needs as one ``Prefilter`` (a regex's candidate number is its slot in ``_NEEDS``)."""

    def __init__(self, lexicons: Sequence[Lexicon], needs: Sequence[frozenset[str] | None]) -> None:
        literal: dict[str, list[tuple[int, int, str]]] = {}
        for lex in lexicons:
            for form, key in lex._literal.items():
                literal.setdefault(form, []).append((lex._id, len(form), key))
        self.literal = _automaton({form: tuple(hits) for form, hits in literal.items()})
        self.needed = Prefilter(needs)
        self.size = (len(lexicons), len(needs))


def _automaton(words: Mapping[str, Any]) -> ahocorasick.Automaton | None:
    if not words:
        return None
    automaton = ahocorasick.Automaton()
    for word, value in words.items():
        automaton.add_word(word, value)
    automaton.make_automaton()
    return automaton


_AUTOMATA: _Automata | None = None


def _automata(lexicons: int, needs: int) -> _Automata:
    global _AUTOMATA
    if _AUTOMATA is None or _AUTOMATA.size != (lexicons, needs):  # a lexicon or pattern made since: build again
        _AUTOMATA = _Automata(_REGISTRY[:lexicons], _NEEDS[:needs])
    return _AUTOMATA


class _TextHits:
    """What one pass of the shared automata found in a text, for every lexicon at once."""

    __slots__ = ("literal", "needed")

    def __init__(self, text: str, automata: _Automata) -> None:
        self.literal: dict[int, list[tuple[int, int, str]]] = {}
        """Per lexicon, each literal form found in the folded text: (start, length, key)."""
        if automata.literal is not None and not text.isascii():
            for last, hits in automata.literal.iter(_folded(text)[0]):
                for lex_id, length, key in hits:
                    self.literal.setdefault(lex_id, []).append((last - length + 1, length, key))
        self.needed = automata.needed.candidates(text)
        """The registered regexes that can match the text (their slots in ``_NEEDS``)."""


@lru_cache(maxsize=4096)
def _text_hits(text: str, lexicons: int, needs: int) -> _TextHits:
    return _TextHits(text, _automata(lexicons, needs))


def _hits(text: str) -> _TextHits:
    """The shared pass over ``text``, for the lexicons and patterns made so far."""
    return _text_hits(text, len(_REGISTRY), len(_NEEDS))


def _leftmost_longest(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The matches a left-to-right scan keeps: at each position the longest, none overlapping one kept."""
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    kept: list[tuple[int, int, str]] = []
    for f in found:
        if not kept or f[0] >= kept[-1][1]:
            kept.append(f)
    return kept


class Lexicon:
    """Surface forms grouped by key; ``find`` returns (start, end, key) for every match, leftmost-longest.

    Latin forms are one case-insensitive regex; Arabic, Chinese and Korean forms are looked up as
    literals. The judge reads each text with some forty lexicons, so the work they share is done once
    a text, for all of them (``_TextHits``): one Aho-Corasick pass finds every literal form of every
    lexicon, and a second finds the words without which a lexicon's regex cannot match, so that a
    regex runs only on a text that holds one of them.
    """

    def __init__(self, entries: Mapping[str, Iterable[str]]) -> None:
        forms = [(form, key) for key, group in entries.items() for form in group]
        forms.sort(key=lambda fk: len(fk[0].removeprefix("re:")), reverse=True)  # longer phrases win at one position
        self.alternation = "(?:" + "|".join(_entry_pattern(f) for f, _ in forms) + ")"
        """The forms as one regex source without groups, for embedding in larger patterns."""
        self._keys = [key for _, key in forms]
        kinds = [_kind(f) for f, _ in forms]
        latin = {i: f for i, ((f, _), kind) in enumerate(zip(forms, kinds)) if kind == "latin"}
        raw = {i: f[3:] for i, ((f, _), kind) in enumerate(zip(forms, kinds)) if kind == "regex"}
        groups = {i: f"(?P<g{i}>{f})" for i, f in (latin | raw).items()}  # the group names the form's key
        self._latin = (re.compile(rf"(?<![A-Za-z])(?:{'|'.join(groups[i] for i in latin)})(?![A-Za-z])",
                                  re.IGNORECASE) if latin else None)
        self._raw = re.compile("|".join(groups[i] for i in raw), re.IGNORECASE) if raw else None
        self._literal = {_folded(f)[0]: key for (f, key), kind in reversed(list(zip(forms, kinds))) if kind == "literal"}
        # the words one of which every match of a regex holds (None: some form has none to require)
        self._latin_slot = _register(needed_words(list(latin.values())))
        self._raw_slot = _register(needed_words(list(raw.values())))
        self._form_keys: dict[str, str | None] = {}
        self._id = len(_REGISTRY)
        _REGISTRY.append(self)

    def _literal_matches(self, text: str, hits: _TextHits) -> list[tuple[int, int, str]]:
        """Every occurrence of this lexicon's literal forms in ``text``, overlapping ones too, in the
        offsets of ``text`` (folding keeps their order: the longest at a position stays the longest)."""
        _, index = _folded(text)
        out = []
        for start, length, key in hits.literal.get(self._id, ()):
            end = index[start + length - 1] + 1
            while end < len(text) and _AR_MARK.match(text[end]):
                end += 1
            out.append((index[start], end, key))
        return out

    def may_match(self, text: str) -> bool:
        """False only if ``find`` finds nothing in ``text`` or in any part of it."""
        hits = _hits(text)
        return (self._latin is not None and self._latin_slot in hits.needed) or \
            (self._raw is not None and self._raw_slot in hits.needed) or self._id in hits.literal

    def find(self, text: str) -> list[tuple[int, int, str]]:
        hits = _hits(text)
        found = []
        if self._latin is not None and self._latin_slot in hits.needed and _LATIN_CHAR.search(text):
            found += [(m.start(), m.end(), self._keys[int(m.lastgroup[1:])]) for m in self._latin.finditer(text)]
        if self._raw is not None and self._raw_slot in hits.needed:
            found += [(m.start(), m.end(), self._keys[int(m.lastgroup[1:])]) for m in self._raw.finditer(text)]
        if self._id in hits.literal:  # the literal forms among themselves first, as one alternation would
            found += _leftmost_longest(self._literal_matches(text, hits))
        return _leftmost_longest(found)

    def key(self, form: str) -> str | None:
        """The key of a form that ``alternation`` matched (the whole of ``form``). Matched forms repeat
        ("days", "天"), so each is looked up once."""
        if form not in self._form_keys:
            if len(self._form_keys) >= 4096:  # a bound, should odd forms pile up
                self._form_keys.clear()
            found = self.find(form)
            self._form_keys[form] = found[0][2] if len(found) == 1 and found[0][:2] == (0, len(form)) else None
        return self._form_keys[form]

    def keys(self, text: str) -> frozenset[str]:
        return frozenset(key for _, _, key in self.find(text))


# --- topics: what a number is about ---------------------------------------------------------
TOPICS = Lexicon({
    "return": [r"returns?|returned|returning|returnable|send (?:it|them|items?) back", "إرجاع", "ارجاع",
               "استرجاع", "إعادة المنتج", "ترجيع", "المرتجع", "المرتجعات", "退货", "退貨", "退换", "退換", "退回", "반품", "반납"],
    "exchange": [r"exchanges?|exchanged", "استبدال", "换货", "換貨", "교환"],
    "refund": [r"refunds?|refunded|money[- ]back|reimburse(?:d|ment)?", "استرداد", "رد المبلغ", "نعيد المبلغ",
               "المبالغ المستردة", "المبلغ المسترد",
               "إعادة المبلغ",
               "استرجاع المبلغ", "退款", "退费", "退費", "환불"],
    "shipping": [r"shipping|ships?|shipped|postage|dispatch(?:ed|es)?|leaves? (?:our|the) warehouse", "شحن", "الشحن", "运费", "運費", "包邮",
                 "包郵", "免邮", "发货", "發貨", "寄出", "出货", "배송비", "발송", "출고", "택배비", "무료배송"],
    "delivery": [r"deliver(?:y|ies|ed|s)?|arriv(?:e|es|al)|transit", "توصيل", "تسليم", "وصول", "配送", "送达",
                 "送達", "到货", "到貨", "送货", "送貨", "快递", "배송", "배달", "도착"],
    "support": [r"support|customer (?:service|care)|help ?desk|helpline|hotline|service team|contact cent(?:er|re)|"
                r"agents?|live chat|chat|call cent(?:er|re)|(?:tele)?phone lines?|lines are open", "الدعم", "خط الهاتف",
                "خدمة العملاء", "مركز الاتصال",
                "خط المساعدة", "客服", "客户服务", "客戶服務", "服务热线", "热线", "고객센터", "고객지원",
                "고객 지원", "상담", "콜센터", "문의"],
    "pickup": [r"click (?:&|and) collect|(?:in-store |store )?pick-?ups?|collect(?:ion)? in store", "الاستلام من الفرع",
               "الاستلام من المتجر", "طلبات الاستلام", "到店自提", "门店自提", "自提", "自取", "매장 픽업", "픽업",
               "매장 수령"],
    "store": [r"stores?|shops?|showrooms?|boutiques?|branch(?:es)?", "متجر", "متاجر", "فرع", "فروع", "محل",
              "门店", "門店", "店铺", "店舖", "实体店", "营业", "營業", "매장", "지점", "영업"],
    "warranty": [r"warrant(?:y|ies)|guarantee[ds]?", "ضمان", "كفالة", "保修", "质保", "質保", "保固", "보증",
                 "품질보증", "워런티", "무상수리"],
    "reply": [r"repl(?:y|ies|ied)|respon(?:d|ds|se|ses)|answer(?:s|ed)?|get back to you|hear back", "الرد",
              "نرد", "يرد", "سنرد", "نجيب", "يجيب", "استجابة", "إجابة", "回复", "回覆", "答复", "回应", "响应", "답변", "회신", "응답", "답장"],
    "discount": [r"discounts?|off|savings?|coupons?|promo(?:tion)?s?", "خصم", "تخفيض", "折扣", "优惠", "優惠",
                 "打折", "할인", "쿠폰"],
    "trial": [r"(?:free )?trials?", "تجربة", "فترة تجريبية", "试用", "試用", "체험"],
    "membership": [r"members?(?:hip)?|subscriptions?|subscribers?", "عضوية", "اشتراك", "会员", "會員", "订阅",
                   "訂閱", "회원", "멤버십", "구독"],
    "price": [r"pric(?:e|es|ed|ing)|costs?|fees?|charges?", "سعر", "أسعار", "رسوم", "تكلفة", "价格", "價格",
              "费用", "費用", "收费", "收費", "售价", "가격", "요금", "수수료", "비용"],
    "carbon": [r"carbon|emissions?|net[- ]zero|climate[- ](?:neutral|positive)|co2|greenhouse", "الكربون",
               "كربون", "انبعاثات", "الحياد المناخي", "碳", "排放", "净零", "淨零", "탄소", "배출", "넷제로"],
    "energy": [r"renewable|energy|electricity|solar", "الطاقة", "طاقة متجددة", "الكهرباء", "可再生能源", "能源", "绿电",
               "电力", "太阳能", "재생에너지", "에너지", "전력", "태양광"],
    "packaging": [r"packag(?:ing|es?)|plastic", "التغليف", "تغليف", "العبوات", "البلاستيك", "包装", "包裝",
                  "塑料", "포장", "플라스틱"],
    "recycled": [r"recycl(?:ed|able|ing)|reused?", "معاد تدويرها", "إعادة التدوير", "تدوير", "回收", "re:(?<!可)再生",
                 "재활용"],
    "organic": [r"organic", "عضوي", "有机", "有機", "유기농"],
    "cotton": [r"cotton", "القطن", "قطن", "棉", "면화", "코튼"],
    "report": [r"reports?|reporting|disclosures?", "تقرير", "تقارير", "报告", "報告", "披露", "보고서", "공시"],
    "audit": [r"audit(?:s|ed)?|inspections?", "تدقيق", "审核", "審核", "审计", "稽核", "실사", "점검"],
    "newsletter": [r"e-?mails?|newsletters?", "البريد", "النشرة", "邮件", "郵件", "通讯", "通訊", "이메일", "뉴스레터"],
})

# --- counted nouns: what "2 free samples" and "샘플 2개" count (quantities also use TOPICS) ------
COUNTED = Lexicon({
    "sample": [r"samples?", "عينة", "عينات", "样品", "樣品", "小样", "샘플", "견본"],
    "tree": [r"trees?", "شجرة", "أشجار", "树", "樹", "나무"],
    "employee": [r"employees?|staff|workers?", "موظف", "موظفين", "员工", "員工", "직원", "임직원"],
    "country": [r"countries", "دولة", "دول", "国家", "國家", "개국"],
    "product": [r"products?|items?", "منتج", "منتجات", "产品", "產品", "商品", "제품", "상품"],
    "gift": [r"gifts?", "هدية", "هدايا", "礼品", "禮品", "赠品", "사은품"],
    "points": [r"points", "نقاط", "نقطة", "积分", "積分", "포인트", "적립금"],
    "order": [r"orders?", "طلب", "طلبات", "订单", "訂單", "주문"],
    "question": [r"questions|inquiries|enquiries", "سؤال", "أسئلة", "استفسار", "问题", "問題", "문의", "질문"],
    "factory": [r"factories", "مصنع", "مصانع", "工厂", "工廠", "공장"],
    "supplier": [r"suppliers", "مورد", "موردين", "供应商", "供應商", "공급업체", "협력사"],
    "language": [r"languages", "لغة", "لغات", "语言", "語言", "언어"],
    "city": [r"cities", "مدينة", "مدن", "城市", "도시"],
    "piece": [r"pieces", "قطعة", "قطع"],
    "tier": [r"tiers|levels", "مستويات", "فئات", "等级", "等級", "级别", "등급", "단계"],
})

# --- scopes: who or where a claim applies to -------------------------------------------------
SCOPES = Lexicon({
    "country:us": [r"(?-i:US|U\.S\.|USA)|united states|america|american", "الولايات المتحدة", "أمريكا", "美国", "美國",
                   "미국"],
    "country:ca": [r"canada|canadian", "كندا", "加拿大", "캐나다"],
    "country:uk": [r"(?-i:UK)|united kingdom|britain|british", "المملكة المتحدة", "بريطانيا", "英国", "英國", "영국"],
    # the parts of a country a delivery policy sets apart: "mainland UK free; Northern Ireland £39" (two
    # parts), while "every US state" against "Alaska $15" is the whole country against a part of it
    "subregion:us_mainland": [r"contiguous (?:US|U\.S\.|United States)|continental (?:US|U\.S\.|United States)|"
                              r"lower 48|mainland (?:US|U\.S\.|United States)"],
    "subregion:us_remote": [r"alaska|hawaii|puerto rico", "ألاسكا", "هاواي", "阿拉斯加", "夏威夷", "알래스카", "하와이"],
    "subregion:uk_mainland": [r"mainland (?:UK|U\.K\.|Britain|Great Britain|England|Scotland|Wales)|UK mainland|"
                              r"GB mainland"],
    "subregion:uk_remote": [r"northern ireland|channel islands|isle of man|isles of scilly|scottish highlands|"
                            r"highlands and islands", "北爱尔兰", "北愛爾蘭", "북아일랜드"],
    "region:eu": [r"(?-i:EU)|european union|europe(?:an)?", "أوروبا", "الاتحاد الأوروبي", "欧盟", "欧洲", "歐洲", "유럽"],
    "country:kr": [r"(?:south )?korean?", "كوريا", "韩国", "韓國", "한국"],
    "country:cn": [r"china|chinese|mainland", "الصين", "中国", "中國", "大陆", "大陸", "内地", "內地", "중국"],
    "country:jp": [r"japan(?:ese)?", "اليابان", "日本", "일본"],
    "country:sa": [r"saudi(?: arabia)?|(?-i:KSA)", "السعودية", "沙特", "사우디"],
    "country:ae": [r"(?-i:UAE)|united arab emirates|dubai", "الإمارات", "دبي", "阿联酋", "迪拜", "아랍에미리트", "두바이"],
    "region:gcc": [r"(?-i:GCC)|gulf", "الخليج", "مجلس التعاون", "海湾", "걸프"],
    "country:au": [r"australian?|aussie", "أستراليا", "澳大利亚", "澳洲", "호주"],
    "country:nz": [r"new zealand|(?-i:NZ)", "نيوزيلندا", "新西兰", "紐西蘭", "뉴질랜드"],
    "region:hk": [r"hong kong", "هونغ كونغ", "香港", "港澳台", "港澳", "홍콩"],  # 港澳(台): Hong Kong and Macau (and Taiwan)
    "region:mo": [r"maca[uo]", "ماكاو", "澳门", "澳門", "마카오"],
    # Oman, not Amman: "عمّان" (with a shadda) is the capital of Jordan, and folding would drop the shadda
    "country:om": [r"oman", "سلطنة عمان", "re:عُ?مَ?ان", "阿曼", "오만"],
    "country:qa": [r"qatar", "قطر", "卡塔尔", "카타르"],
    "country:kw": [r"kuwait", "الكويت", "科威特", "쿠웨이트"],
    "country:bh": [r"bahrain", "البحرين", "巴林", "바레인"],
    "country:eg": [r"egypt", "مصر", "埃及", "이집트"],
    "region:tw": [r"taiwan", "تايوان", "台湾", "臺灣", "台灣", "대만"],
    "domestic": [r"domestic|nationwide", "محلي", "داخل المملكة", "国内", "國內", "境内", "국내"],
    "international": [r"international(?:ly)?|overseas|abroad|worldwide|cross-border", "دولي", "الدولية",
                      "خارج المملكة", "国际", "國際", "海外", "境外", "跨境", "해외", "국제"],
    "member": [r"members?(?:hip)?|loyalty|(?-i:VIP)|subscribers?", "الأعضاء", "للأعضاء", "المشتركين",
               "会员", "會員", "회원", "멤버십"],
    "new_customer": [r"first (?:order|purchase)|new customers?", "الطلب الأول", "عملاء جدد", "新用户", "新客",
                     "首单", "首單", "첫 구매", "첫 주문", "신규"],
    "student": [r"students?", "الطلاب", "للطلاب", "学生", "학생"],
    "business": [r"business customers|(?-i:B2B)|wholesale|corporate", "الجملة", "企业客户", "批发", "기업 고객", "도매"],
    "sale_items": [r"sale items?|clearance|final sale|discounted items?|outlet", "التصفية", "特价", "清仓", "아울렛",
                   "세일 상품", "할인 상품"],
    "electronics": [r"electronics", "الإلكترونيات", "电子产品", "전자제품"],
    "furniture": [r"furniture|mattress(?:es)?", "أثاث", "家具", "床垫", "가구", "매트리스"],
    "gift_card": [r"gift cards?", "بطاقات الهدايا", "礼品卡", "禮品卡", "기프트카드", "상품권"],
    # "personalised ads", "맞춤형 광고" are targeting, not a made-to-order product
    "custom": [r"personali[sz]ed(?! (?:ads?|adverts?|advertising|recommendations?|offers?|marketing|content|emails?))|"
               r"custom(?:i[sz]ed)?|made[- ]to[- ]order|engraved", "مخصص", "定制", "訂製",
               r"re:맞춤(?!형?\s?(?:광고|추천|혜택|정보|알림))", "주문제작"],
    # "당일 출고" (dispatched the same day) is the standard promise; "당일 배송" is a delivery tier
    # "same-day delivery" is a tier; "refunds land the same day" is a period
    # same-day and next-day delivery are two tiers: "same-day delivery costs $15" against "next-day
    # delivery costs $8" is a price list, and "当日送达时段" (the same-day slot) names a tier too
    "tier:express": [r"express|expedited|priority", "السريع", "加急", "빠른 배송"],
    "tier:same_day": [r"same[- ]day (?:delivery|shipping|dispatch|courier|service|option)s?|"
                      r"(?:deliver(?:y|ed)?|ship(?:ping|ped)?|dispatch(?:ed)?) (?:the )?same[- ]day",
                      "当日达", "當日達", r"re:(?:当日|當日)(?:送达|送達)(?=时段|時段|服务|服務|选项|選項)",
                      r"re:당일\s?(?:배송|배달|도착|퀵)"],
    "tier:next_day": [r"next[- ]day (?:delivery|shipping|dispatch|courier|service|option)s?|"
                      r"(?:deliver(?:y|ed)?|ship(?:ping|ped)?|dispatch(?:ed)?) (?:the )?next[- ]day",
                      "次日达", "次日達", "隔日达", r"re:(?:次日|隔日)(?:送达|送達)(?=时段|時段|服务|服務|选项|選項)", "익일"],
    # Signing up is no group: "회원가입" (registering) holds 회원 (member), "成为会员" is joining. These
    # forms win the longest match and are then ignored (consistency.judge.slots.scopes_differ).
    "none:signup": [r"sign(?:ing)? up|register(?:ing)?|create an account", "회원가입", "회원 가입", "注册会员", "注册成为会员",
                    "成为会员", "註冊會員", "التسجيل"],
    # Non-members are everyone else: the general rule, no group of their own
    "none:non_member": [r"non-?members?|not (?:yet )?an? (?:[\w-]+ ){0,2}member\b|not members\b", "غير الأعضاء", "لغير الأعضاء",
                        "非会员", "非會員", "비회원"],
    "supply_chain": [r"scope 3|(?:our )?suppliers|supply chain|value chain", "سلسلة التوريد", "الموردين", "供应链",
                     "供應鏈", "供应商", "공급망", "협력사"],
    "staff:warehouse": [r"warehouse (?:teams?|staff|workers?|employees|roles|jobs|associates)", "موظفو المستودعات",
                        "موظفي المستودع", "موظفو مستودعاتنا", "موظفي مستودعاتنا",
                        "仓库员工", "仓库人员", "仓库兼职", "물류센터 직원", "창고 직원"],
    "staff:store": [r"(?:store|shop|retail) (?:team|staff|workers?|employees)|sales associates?",
                    "موظفو الفروع", "موظفي الفروع", "门店员工", "门店人员", "매장 직원", "판매 직원"],
    "staff:office": [r"head office|(?:office|corporate) (?:staff|employees)", "المكتب الرئيسي", "总部员工", "總部",
                     "본사 직원", "본사"],
    "tier:standard": [r"standard|economy", "العادي", "标准", "標準", "일반 배송"],
    "in_store": [r"in[- ]store", "في المتجر", "到店", "매장에서"],
    "online": [r"online|on our website", "عبر الإنترنت", "线上", "網上", "온라인"],
    # how a customer reaches support: the phone line's hours are not the chat team's
    "contact:phone": [r"(?:tele)?phone lines?|by (?:tele)?phone|on the phone|over the phone|phone support|phone team|"
                      r"call us|call our", "الهاتف", "هاتفيا", "电话", "電話", "전화"],
    "contact:chat": [r"live chat|web chat|chat support|chat team|(?:on|via|by|through|in) (?:our )?chat",
                     "الدردشة", "المحادثة الفورية", "在线聊天", "在線聊天", "채팅"],
    "contact:wechat": [r"wechat", "微信", "위챗"],
    "contact:whatsapp": [r"whatsapp", "واتساب", "واتس اب", "왓츠앱"],
    "contact:kakao": [r"kakao ?talk", "카카오톡", "카톡"],
    "contact:marketplace": [r"tmall|taobao", "淘宝", "淘寶", "天猫", "天貓", "京东", "京東"],  # a marketplace store's own service
    "contact:email": [r"by e-?mail|via e-?mail|e-?mail support|e-?mail us|e-?mails? to our", "عبر البريد الإلكتروني",
                      "邮件咨询", "郵件諮詢", "이메일 문의"],
    # a dated exception: holiday hours, a festive extension (one side naming it is the exception, not a
    # contradiction); every holiday is one key so that "open on holidays" meets "closed at New Year"
    "period:holiday": [r"ramadan|eid|christmas(?: eve| day)?|new year'?s(?: eve| day)?|lunar new year|"
                       r"chinese new year|public holidays?|bank holidays?|thanksgiving|chuseok",
                       "رمضان", "عيد الفطر", "عيد الأضحى", "العيد", "الأعياد", "اليوم الوطني",
                       "春节", "春節", "除夕", "国庆", "國慶", "中秋", "节假日", "節假日", "法定假日", "元旦",
                       "설 연휴", "설날", "추석", "명절", "연휴", "공휴일"],
    "promo": [r"black friday|cyber monday|holiday season|limited[- ]time|this (?:week|weekend|month) only|today only",
              "الجمعة البيضاء", "لفترة محدودة", "اليوم فقط", "هذا الأسبوع فقط", "双十一", "雙十一", "限时", "限時",
              "活动期间", "仅限今天", "블랙프라이데이", "한정", "이벤트 기간", "오늘 하루", "오늘만"],
})

# --- qualifiers: "within", "over", "以内", "이상" ------------------------------------------------
QUALIFIERS_BEFORE = Lexicon({
    "max": [r"within|up to|no more than|not more than|at most|maximum(?: of)?|max\.?|less than|fewer than|under|"
            r"below|no later than|in under", "خلال", "في غضون", "في مدة أقصاها", "بحد أقصى", "حتى", "لا يتجاوز",
            "لا تتجاوز", "أقل من", "不超过", "不超過", "最多", "至多", "最长", "最長", "最高", "少于", "低于", "不到",
            "최대", "최장"],
    "min": [r"at least|minimum(?: of)?|min\.?|more than|over|above|starting (?:at|from)|starts? (?:at|from)|"
            r"kicks? in (?:at|from)|begins? at|unlocks? at|exceeding|"
            r"(?<!made )(?<!woven )(?<!sourced )(?<!produced )(?<!crafted )from|"  # "made from 70%" is no threshold
            # "Spend A$150 and we deliver free": the amount to spend is a threshold
            r"(?:once you |when you |if you )?spend(?:ing)?(?: over| more than)?|in excess of", "أكثر من", "على الأقل", "لا تقل عن", "لا يقل عن", "بحد أدنى", "فوق", "تزيد عن",
            "يزيد عن", "تزيد على", "يزيد على", "تزيد قيمتها على", "تزيد قيمتها عن", "تتجاوز قيمتها", "تتجاوز",
            "ابتداءً من", "بدءًا من", "يبدأ من", "تبدأ من", "يبدأ الآن من", "تبدأ الآن من", "ما لا يقل عن", "满", "滿", "至少", "超过", "超過", "高于", "多于", "不少于",
            "不低于", "최소", "적어도"],
    "approx": [r"about|around|approximately|roughly|~|circa|nearly|almost", "حوالي", "نحو", "قرابة", "约", "大约",
               "大概", "약", "대략"],
})
QUALIFIERS_AFTER = Lexicon({
    "max": [r"or (?:less|fewer|under)|max(?:imum)?|at most", "أو أقل", "على الأكثر", "كحد أقصى", "以内", "之内",
            "re:[内內](?!容)", "以下", "封顶", "이내", "이하", "미만", "안에", "re:내(?![가-힣])", "까지"],
    "min": [r"or (?:more|over)|and (?:up|above|over)|\+|minimum", "أو أكثر", "على الأقل", "كحد أدنى", "فأكثر",
            "فما فوق", "以上", "及以上", "起", "이상", "초과", r"re:[을를이가]?\s?넘(?:으면|을|는|어야)"],
    "approx": ["左右", "上下", "정도", "가량", "쯤", "내외", "تقريبًا"],
})

# --- currencies (ISO 4217 codes, as the judge's exchange-rate table uses) ----------------------
CURRENCY_BEFORE = Lexicon({
    "USD": [r"(?-i:US\$|USD)|\$"], "CAD": [r"(?-i:C\$|CA\$|CAD)"], "AUD": [r"(?-i:A\$|AU\$|AUD)"],
    "HKD": [r"(?-i:HK\$|HKD)"], "TWD": [r"(?-i:NT\$|TWD)"], "SGD": [r"(?-i:S\$|SGD)"], "EUR": [r"€|(?-i:EUR)"],
    "GBP": [r"£|(?-i:GBP)"], "CNY": [r"(?-i:CNY|RMB)", "￥", "¥"], "KRW": [r"₩|(?-i:KRW)"],
    "SAR": [r"(?-i:SAR|SR)", "ر.س", "﷼"], "AED": [r"(?-i:AED|Dhs?)", "د.إ"], "EGP": [r"(?-i:EGP|LE)", "ج.م"],
    "QAR": [r"(?-i:QAR)", "ر.ق"], "KWD": [r"(?-i:KWD)", "د.ك"], "JPY": [r"(?-i:JPY)"],
})
# Words that put a statement inside a group without naming it: points, tiers and a subscription exist
# only for members ("Points expire after a year" is about members' points). They count as the group
# only against a statement that names it (consistency.judge.slots.scopes_differ).
IMPLIED_SCOPES = Lexicon({"member": [
    r"(?:earn(?:s|ed)?|redeem(?:ed)?|your|loyalty|reward|bonus|double)[- ]points?|points? (?:expire|never expire|"
    r"are (?:added|valid|worth)|per|for every|worth|back)|\btiers?\b|\b(?:gold|platinum|silver|bronze) "
    r"(?:members?|tier|perks?|benefits?|status|level)|subscriptions?|subscribe[rd]?",
    "积分", "積分", "会员等级", "會員等級", "订阅", "訂閱", "포인트", "적립", "등급", "구독",
    "النقاط", "نقاط", "نقطة", "الفئة الذهبية", "الفئة البلاتينية", "العضوية", "الاشتراك", "اشتراك"]})

CURRENCY_AFTER = Lexicon({
    "USD": [r"dollars?|bucks|(?-i:USD|US\$)", "دولار", "دولارات", "美元", "美金", "달러"],
    "EUR": [r"euros?|(?-i:EUR)|€", "يورو", "欧元", "歐元", "유로"], "GBP": [r"pounds?|quid|(?-i:GBP)|£", "英镑", "英鎊", "파운드"],
    "KRW": [r"won|(?-i:KRW)", "원", "韩元", "韓元"], "CNY": [r"yuan|(?-i:RMB)|(?-i:CNY)", "元", "块", "人民币", "人民幣", "위안"],
    "JPY": [r"yen|(?-i:JPY)", "日元", "円", "엔"], "SAR": [r"(?-i:SAR)|riyals?", "ريال", "ريالات", "ر.س"],
    "AED": [r"(?-i:AED)|dirhams?", "درهم", "دراهم", "د.إ"], "EGP": [r"(?-i:EGP)", "جنيه", "جنيهات"],
    "TWD": ["新台币", "新台幣", "台币"], "KWD": [r"(?-i:KWD)|dinars?", "دينار", "دنانير", "د.ك"],
})
