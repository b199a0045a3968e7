"""Word lists for polarity, quantifier, modality and antonym cues in English, Arabic, Chinese, Korean.

Short function words need exclusions that topic words do not: "not only" is no negation, 不同
("different") is no 不, 안에 ("inside") is no 안, and Arabic لا must stand as a word (it hides
inside خلال). Entries here are therefore ``re:`` regexes or bounded words.
"""

from __future__ import annotations

from consistency.judge.lexicon import Lexicon
from consistency.judge.numbers import ar_alternation


def ar_words(*words: str) -> str:
    """A ``re:`` entry for whole Arabic words, allowing the conjunctions و/ف and the prepositions ب/ل."""
    alt = ar_alternation(sorted(words, key=len, reverse=True))
    return rf"re:(?<![\u0621-\u064a])[وفبل]?(?:{alt})(?![\u0621-\u064a])"


# "不另收费", "不收取任何手续费", "不用多付一分钱", "无任何隐藏费用": no charge, a free pole rather than a denial
ZH_NO_CHARGE_AFTER_BU = (r"(?:另|另外|额外|額外|再)?(?:收|收取|加收)(?:任何)?(?:额外|額外)?[^，。；,;\s]{0,4}?[费費]|"
                         r"用(?:多|另外|额外|額外)?(?:付|掏|花)")
ZH_NO_CHARGE_AFTER_WU = r"(?:任何)?(?:额外|額外|隐藏|隱藏)?(?:费用|費用|收费|收費)"
ZH_NO_CHARGE = rf"不(?:{ZH_NO_CHARGE_AFTER_BU})|[无無](?:{ZH_NO_CHARGE_AFTER_WU})|免收"
# "不超过三条", "不低于六千五百元" ("at most", "at least") bound a number, like "no more than"; they deny nothing
ZH_BOUND = "超过|超過|低于|低於|高于|高於|多于|多於|晚于|晚於|迟于|遲於|早于|早於"
# "没关系", "没问题", "不用担心", "不要紧" ("that's fine", "no problem", "don't worry") reassure; they deny nothing
ZH_NO_WORRY = "用担心|用擔心|必担心|必擔心|要紧(?!张)|要緊(?!張)"
ZH_NO_EXCEPTION = "无一例外|無一例外|毫无例外|毫無例外|没有例外|沒有例外|不例外|概莫能外"

# "without" words negate a condition, not the predicate: "never X without consent" means "X with consent".
WITHOUT = Lexicon({"without": [r"without|unless", ar_words("بدون", "دون", "إلا"), "未经", "未經", "除非", "없이",
                               "않고는"]})
NEGATION = Lexicon({"neg": [
    r"not(?!\s+(?:only|just|to mention|more than|less than|later than))|never(?!\s+(?:been|be)\s+\w+er\b)|none|"
    r"nothing|nobody|neither|nor|"
    r"without|cannot|no(?!\s+(?:later|more|less|sooner|matter|doubt)\b)",
    r"re:(?i:n't)\b",
    ar_words("لا", "لن", "لم", "ليس", "ليست", "لسنا", "أبدا", "بدون", "دون", "غير", "بدلا من", "بدلًا من", "عوضا عن",
             "عوضًا عن"),
    # 不例外/没有例外/无一例外 ("no exception") is "all"; 不另收费/不用多付/无额外费用 ("no extra charge") is "free"
    rf"re:[不](?!仅|僅|只|但|断|斷|同|久|管|论|論|过|過|少|错|錯|锈|銹|论|得不|久|例外|{ZH_NO_CHARGE_AFTER_BU}|{ZH_BOUND}|"
    rf"{ZH_NO_WORRY})",
    "re:[没沒]有(?!例外|问题|問題)", "re:[没沒](?!有|关系|關係|问题|問題)",
    rf"re:(?:绝不|絕不|从不|從不|永不|决不|決不)(?!{ZH_NO_CHARGE_AFTER_BU})",
    # 无理由退货 ("no-questions-asked returns") is the name of a returns policy
    rf"re:无(?!论|論|限|一例外|例外|理由|{ZH_NO_CHARGE_AFTER_WU})", rf"re:無(?!論|限|一例外|例外|理由|{ZH_NO_CHARGE_AFTER_WU})", "re:未(?!来|來|成年)",
    "re:非(?!常)", "勿", "暂停", "暫停", "停止", "谢绝", "謝絕", "拒收", "禁止",
    "않", "re:(?<![가-힣])안(?=\\s)", "re:불가(?:능)?(?!피|사의|결)", "re:(?<=[이가]\\s)(?:어렵|어려우|어려워)", "re:(?<![가-힣])못(?=\\s|하)", "없", "아니", "아닙",
]})

QUANTIFIERS = Lexicon({
    "univ": [r"all|every|each|always|entire(?:ly)?|any|everything|everyone|whole|without exception",
             ar_words("جميع", "كل", "كافة", "دائما", "دائمًا", "كامل", "بالكامل", "بأكمله", "بأكملها", "بلا استثناء"),
             "所有", "全部", "一律", f"re:{ZH_NO_EXCEPTION}", "re:(?<![平人户戶日月年])均(?![价價值匀勻衡等])", "总是", "總是", "始终", "始終", "永远", "永遠", "每一", "一切", "凡是", "任何",
             "全场", "全場", "모든", "전체", "전부", "항상", "언제나", "모두", "누구나", "예외 없이"],
    # "the most detailed", "our most popular": a superlative, not a share
    "exist": [r"some|sometimes|only|certain|selected|select|(?<!the )(?<!our )(?<!its )(?<!their )most|many|"
              r"several|few|occasionally|majority|mostly|mainly|not all",
              ar_words("بعض", "أحيانا", "فقط", "مختارة", "معظم", "أغلب", "غالبية"), "部分", "一些", "某些", "有时",
              "有時", "仅", "僅", "只", "大多", "多数", "多數", "主要", "多半", "re:以[^，。；,;\\s]{1,8}?[为為]主", "少数", "少數", "个别", "個別", "一半", "半数", "半數",
              "일부", "가끔", "때때로", "특정", "몇몇", "대부분", "대다수", "상당수",
              "re:\\d+\\s?(?:곳|개|명|군데)?\\s?중\\s?\\d+"],
})

# A restriction one side states and the other does not: "can be used online and in store" /
# "can only be redeemed online", "任意商品" / "仅限同款".
RESTRICTION = Lexicon({"only": [
    r"only|solely|exclusive(?:ly)?(?: to| for)?|limited to|restricted to|reserved for",
    ar_words("فقط", "حصرا", "حصريا", "حصريًا", "حصري", "حصرية"),
    "仅", "僅", "只能", "只限", "仅限", "僅限", "限于", "限於", "才会", "才會", "re:(?<![一两兩几幾每])只(?![是要有需读讀])",
    "re:(?:에서|으로|로|에게|께|에)만(?=\\s|[가-힣])",
    "re:(?<=[가-힣])(?<![지하이그미불비충자일삼사육칠팔구십백천오])만(?=\\s(?!원)|[은을이으도])",
    "re:(?:\\d|[한두세첫])\\s?(?:회|번|개|곳|명|장|건|벌)만(?=\\s|[가-힣])",
    "에 한해", "에 한하여", "에 한합니다",
]})

# An aim rather than a fact: "we're working towards a living wage by 2028" against "everyone is paid a living wage".
ASPIRATION = Lexicon({"aim": [
    r"aim(?:s|ing)? (?:to|for)|work(?:ing|s)? (?:towards?|to)|striv(?:e|es|ing) to|on track to|our goal is|"
    r"goal of|committed to reaching|hope to|plan(?:s|ning)? to",
    ar_words("نسعى", "نعمل على", "هدفنا", "نطمح", "نخطط"), "努力", "争取", "爭取", "目标是", "目標是", "力争", "力爭",
    "计划", "計劃", "목표", "노력", "추진", "계획",
]})

MODALITY = Lexicon({
    "strong": [r"must|will|shall|guarantee[ds]?|commit(?:ted|s)? to|promise[ds]?|'ll|ha(?:ve|s) to|required(?: to)?|"
               r"needs? to|mandatory|compulsory",
               ar_words("يجب", "سوف", "نضمن", "نلتزم", "نتعهد", "يتعين", "لا بد"), "必须", "必須", "一定", "保证",
               "保證", "承诺", "承諾", "务必", "務必", "请先", "請先", "re:(?<![无無])须", "re:(?<![无無])須",
               "re:(?<![无無不])需(?!求)", "才能",
               "반드시", "보장", "약속", "re:[해셔여워와]야\\s?(?:합니다|해요|하며|하고|한다|됩니다|돼요)", "re:[어아해워와]야만"],
    "weak": [r"may|might|can|could|should|aim(?:s)? to|try to|strive|hope|plan(?:s)? to|intend|"
             r"recommend(?:s|ed)?|encourage[ds]?",
             ar_words("قد", "يمكن", "يمكنك", "يمكنكم", "بإمكانك", "بإمكانكم", "ربما", "نسعى", "نحاول", "نخطط",
                      "نأمل"), "可能", "可以", "或许", "或許", "re:(?<![不])可(?=[在用获獲享免直随隨申选選]|免费|免費)", "即可", "力争",
             "力爭", "争取", "爭取", "尽量", "盡量", "수 있", "가능", "노력", "예정", "계획"],
})

# concept -> (one pole, the other pole); a statement using only one pole against a statement
# using only the other is an antonym clash ("free returns" vs "returns cost $5").
ANTONYMS: dict[str, tuple[Lexicon, Lexicon]] = {
    concept: (Lexicon({"+": plus}), Lexicon({"-": minus})) for concept, (plus, minus) in {
        "always/never": (
            [r"always|at all times|every time", ar_words("دائما", "دائمًا", "باستمرار"), "总是", "總是", "始终",
             "始終", "永远", "永遠", "항상", "언제나", "늘"],
            [r"never|rarely|seldom", ar_words("أبدا", "نادرا"), "从不", "從不", "永不", "很少", "절대", "결코"]),
        "all/some": (
            [r"all|every|entire", ar_words("جميع", "كل", "كافة"), "所有", "全部", "모든", "전체", "전부"],
            [r"some|certain|selected|select|part of", ar_words("بعض", "مختارة"), "部分", "一些", "某些", "일부",
             "특정"]),
        "free/paid": (
            [r"(?<!-)free(?!-)|no charge|complimentary|at no (?:extra )?cost", ar_words("مجاني", "مجانا", "مجانية",
                                                                                    "مجانًا"),
             "免费", "免費", "包邮", "包郵", "무료", "공짜"],
            [r"paid|charges?|charged|fees?|surcharges?|costs?", ar_words("مدفوع", "مدفوعة", "برسوم", "رسوم", "تكلفة"),
             "收费", "收費", "付费", "付費", "费用", "費用", "유료", "요금", "비용", "수수료"]),
        "include/exclude": (
            [r"includ(?:e|es|ed|ing)", ar_words("يشمل", "تشمل", "شامل", "شاملة"), "包括", "包含", "포함"],
            [r"exclud(?:e|es|ed|ing)|except", ar_words("باستثناء", "يستثني", "تستثني"), "不包括", "不含", "除外",
             "排除", "제외"]),
        "first/third party": (
            [r"first[- ]party", "الطرف الأول", "第一方", "자사", "퍼스트파티"],
            [r"third[- ]part(?:y|ies)|advertisers", "طرف ثالث", "أطراف ثالثة", "第三方", "제3자", "제삼자",
             "서드파티"]),
        "allow/forbid": (
            [r"allow(?:s|ed)?|permit(?:s|ted)?|accept(?:s|ed)?", ar_words("يسمح", "نسمح", "نقبل", "يقبل"), "允许",
             "允許", "接受", "허용"],
            [r"prohibit(?:s|ed)?|forbid(?:s|den)?|bann?(?:s|ed)?|reject(?:s|ed)?|refuse[ds]?",
             ar_words("يمنع", "يحظر", "نرفض", "ممنوع"), "禁止", "拒绝", "拒絕", "금지", "거부", "불가"]),
        "increase/decrease": (
            [r"increas(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|grow(?:s|ing)?", ar_words("زيادة", "نزيد", "رفع"), "增加",
             "提高", "增长", "증가", "인상"],
            [r"decreas(?:e|es|ed|ing)|reduc(?:e|es|ed|ing)|cut(?:s|ting)?|lower(?:s|ed)?",
             ar_words("تقليل", "نقلل", "خفض", "تخفيض"), "减少", "減少", "降低", "감소", "인하", "절감"]),
        "renewable/fossil": (
            [r"renewable|clean energy|green energy", ar_words("متجددة", "المتجددة", "نظيفة"), "可再生", "清洁能源",
             "재생", "친환경 에너지"],
            [r"fossil|coal|diesel", ar_words("أحفوري", "الأحفوري", "فحم", "الفحم"), "化石", "煤", "화석", "석탄"]),
        "organic/conventional": (
            [r"organic", ar_words("عضوي", "عضوية"), "有机", "有機", "유기농"],
            [r"conventional|synthetic|non-organic", ar_words("تقليدي", "صناعي", "صناعية"), "常规", "合成", "합성"]),
    }.items()
}
