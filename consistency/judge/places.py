"""Places of origin: where a statement says something is made, grown, sourced or woven.

"All our knitwear is knitted in Scotland" against "our new jumpers are made in Portugal";
"咖啡豆全部来自云南普洱" against "埃塞俄比亚耶加雪菲". A gazetteer of countries, regions and
well-known producing places in English, Arabic, Chinese and Korean; each place also stands for the
places it lies in (Pu'er is in Yunnan, Yunnan in China), so "from Ethiopia" and "Yirgacheffe beans"
share a place. A place counts as an origin only when an origin word sits near it ("made in",
"grown", "产自", "来自", "산", "생산", "صنع في", "من مزارع"): "our Seoul store" is where things are
sold and "ships to Canada" is a market, neither is where they come from.
"""

from __future__ import annotations

import re
from functools import lru_cache

from consistency.judge.lexicon import Lexicon, gated

# place -> (the place it lies in or None, English names (regex), names in Arabic, Chinese and Korean)
_GAZETTEER: dict[str, tuple[str | None, str, tuple[str, ...]]] = {
    # countries
    "us": (None, r"(?-i:USA|U\.S\.A?\.?)|united states|america|american", ("الولايات المتحدة", "أمريكا", "美国", "美國", "미국")),
    "ca": (None, r"canada|canadian", ("كندا", "加拿大", "캐나다")),
    "mx": (None, r"mexico|mexican", ("المكسيك", "墨西哥", "멕시코")),
    "uk": (None, r"(?-i:UK)|united kingdom|britain|british", ("المملكة المتحدة", "بريطانيا", "英国", "英國", "영국")),
    "scotland": ("uk", r"scotland|scottish|(?-i:Scots)|hebrides|shetland|highlands", ("اسكتلندا", "苏格兰", "스코틀랜드")),
    "england": ("uk", r"england|english (?:mill|factory|farm|wool|workshop)s?|yorkshire|lancashire|cornwall|cornish",
                ("إنجلترا", "英格兰", "잉글랜드")),
    "wales": ("uk", r"wales|welsh", ("ويلز", "威尔士", "웨일스")),
    "ireland": (None, r"ireland|irish", ("أيرلندا", "爱尔兰", "아일랜드")),
    "pt": (None, r"portugal|portuguese|porto", ("البرتغال", "葡萄牙", "포르투갈")),
    "es": (None, r"spain|spanish", ("إسبانيا", "西班牙", "스페인")),
    "fr": (None, r"france|french", ("فرنسا", "法国", "法國", "프랑스")),
    "it": (None, r"italy|italian|tuscany|tuscan|florence|milan|biella|como", ("إيطاليا", "意大利", "義大利", "이탈리아")),
    "de": (None, r"germany|german", ("ألمانيا", "德国", "德國", "독일")),
    "nl": (None, r"netherlands|dutch|holland", ("هولندا", "荷兰", "네덜란드")),
    "be": (None, r"belgium|belgian", ("بلجيكا", "比利时", "벨기에")),
    "ch": (None, r"switzerland|swiss", ("سويسرا", "瑞士", "스위스")),
    "at": (None, r"austria|austrian", ("النمسا", "奥地利", "오스트리아")),
    "dk": (None, r"denmark|danish", ("الدنمارك", "丹麦", "덴마크")),
    "se": (None, r"sweden|swedish", ("السويد", "瑞典", "스웨덴")),
    "no": (None, r"norway|norwegian", ("النرويج", "挪威", "노르웨이")),
    "fi": (None, r"finland|finnish", ("فنلندا", "芬兰", "핀란드")),
    "pl": (None, r"poland|polish(?= (?:factory|mill|farm|workshop|partner))", ("بولندا", "波兰", "폴란드")),
    "ro": (None, r"romania|romanian", ("رومانيا", "罗马尼亚", "루마니아")),
    "bg": (None, r"bulgaria|bulgarian", ("بلغاريا", "保加利亚", "불가리아")),
    "gr": (None, r"greece|greek", ("اليونان", "希腊", "그리스")),
    "tr": (None, r"türkiye|turkiye|turkey(?! (?:sandwich|breast|bacon|mince))|turkish", ("تركيا", "土耳其", "튀르키예", "터키")),
    "lt": (None, r"lithuania|lithuanian", ("ليتوانيا", "立陶宛", "리투아니아")),
    "ua": (None, r"ukraine|ukrainian", ("أوكرانيا", "乌克兰", "우크라이나")),
    "ru": (None, r"russia|russian", ("روسيا", "俄罗斯", "러시아")),
    "cn": (None, r"china|chinese|mainland china", ("الصين", "中国", "中國", "중국")),
    "yunnan": ("cn", r"yunnan", ("يونان", "云南", "윈난")),
    "puer": ("yunnan", r"pu'?er|pu-erh", ("普洱", "푸얼")),
    "fujian": ("cn", r"fujian|wuyi|anxi", ("فوجيان", "福建", "武夷", "安溪", "푸젠")),
    "zhejiang": ("cn", r"zhejiang|hangzhou", ("浙江", "杭州", "西湖", "저장성", "항저우")),
    "jiangxi": ("cn", r"jiangxi|jingdezhen", ("江西", "景德镇", "징더전")),
    "sichuan": ("cn", r"sichuan|chengdu", ("四川", "成都", "쓰촨")),
    "guangdong": ("cn", r"guangdong|guangzhou|shenzhen", ("广东", "广州", "深圳", "광둥")),
    "xinjiang": ("cn", r"xinjiang", ("شينجيانغ", "新疆", "신장")),
    "neimenggu": ("cn", r"inner mongolia", ("内蒙古", "内蒙", "네이멍구")),
    "anhui": ("cn", r"anhui|huangshan", ("安徽", "黄山")),
    "hainan": ("cn", r"hainan", ("海南", "하이난")),
    "shandong": ("cn", r"shandong", ("山东", "산둥")),
    "jiangsu": ("cn", r"jiangsu|suzhou", ("江苏", "苏州")),
    "tw": (None, r"taiwan(?:ese)?", ("تايوان", "台湾", "臺灣", "대만")),
    "hk": (None, r"hong kong", ("هونغ كونغ", "香港", "홍콩")),
    "mo": (None, r"maca[uo]", ("ماكاو", "澳门", "澳門", "마카오")),
    "jp": (None, r"japan(?:ese)?", ("اليابان", "日本", "일본")),
    "uji": ("jp", r"uji|kyoto", ("宇治", "京都", "우지", "교토")),
    "shizuoka": ("jp", r"shizuoka", ("静冈", "静岡", "시즈오카")),
    "kagoshima": ("jp", r"kagoshima", ("鹿儿岛", "가고시마")),
    "kr": (None, r"(?:south )?korean?", ("كوريا", "韩国", "韓國", "한국")),
    "jeju": ("kr", r"jeju", ("جيجو", "济州", "제주")),
    "boseong": ("kr", r"boseong", ("宝城", "보성")),
    "hadong": ("kr", r"hadong", ("河东", "하동")),
    "gangwon": ("kr", r"gangwon", ("江原", "강원")),
    "jeolla": ("kr", r"jeolla", ("全罗", "전라", "전남", "전북")),
    "gyeongsang": ("kr", r"gyeongsang", ("庆尚", "경상", "경북", "경남")),
    "chungcheong": ("kr", r"chungcheong", ("忠清", "충청", "충남", "충북")),
    "icheon": ("kr", r"icheon", ("利川", "이천")),
    "vn": (None, r"vietnam(?:ese)?|viet nam", ("فيتنام", "越南", "베트남")),
    "th": (None, r"thailand|thai", ("تايلاند", "泰国", "태국")),
    "kh": (None, r"cambodia(?:n)?", ("كمبوديا", "柬埔寨", "캄보디아")),
    "id": (None, r"indonesia(?:n)?|sumatra|java(?! ?script)|bali", ("إندونيسيا", "印度尼西亚", "印尼", "苏门答腊", "인도네시아", "수마트라")),
    "my": (None, r"malaysia(?:n)?", ("ماليزيا", "马来西亚", "말레이시아")),
    "ph": (None, r"philippines|filipino", ("الفلبين", "菲律宾", "필리핀")),
    "in": (None, r"india|indian|assam|darjeeling|nilgiri", ("الهند", "印度", "大吉岭", "阿萨姆", "다즐링", "아삼")),
    "lk": (None, r"sri lanka(?:n)?|ceylon", ("سريلانكا", "斯里兰卡", "锡兰", "스리랑카", "실론")),
    "bd": (None, r"bangladesh(?:i)?", ("بنغلاديش", "孟加拉", "방글라데시")),
    "pk": (None, r"pakistan(?:i)?", ("باكستان", "巴基斯坦", "파키스탄")),
    "np": (None, r"nepal(?:i|ese)?", ("نيبال", "尼泊尔", "네팔")),
    "au": (None, r"australian?|tasmania(?:n)?", ("أستراليا", "澳大利亚", "澳洲", "호주")),
    "nz": (None, r"new zealand", ("نيوزيلندا", "新西兰", "紐西蘭", "뉴질랜드")),
    "br": (None, r"brazil(?:ian)?", ("البرازيل", "巴西", "브라질")),
    "co": (None, r"colombia(?:n)?", ("كولومبيا", "哥伦比亚", "콜롬비아")),
    "pe": (None, r"peru(?:vian)?", ("بيرو", "秘鲁", "페루")),
    "cl": (None, r"chile(?:an)?", ("تشيلي", "智利", "칠레")),
    "ar": (None, r"argentina|argentin(?:e|ian)", ("الأرجنتين", "阿根廷", "아르헨티나")),
    "gt": (None, r"guatemala(?:n)?", ("غواتيمالا", "危地马拉", "과테말라")),
    "cr": (None, r"costa rica(?:n)?", ("كوستاريكا", "哥斯达黎加", "코스타리카")),
    "hn": (None, r"honduras", ("هندوراس", "洪都拉斯", "온두라스")),
    "et": (None, r"ethiopia(?:n)?|yirgacheffe|sidamo|guji", ("إثيوبيا", "اثيوبيا", "الحبشة", "埃塞俄比亚", "耶加雪菲", "에티오피아", "예가체프")),
    "ke": (None, r"kenya(?:n)?", ("كينيا", "肯尼亚", "케냐")),
    "rw": (None, r"rwanda(?:n)?", ("رواندا", "卢旺达", "르완다")),
    "tz": (None, r"tanzania(?:n)?", ("تنزانيا", "坦桑尼亚", "탄자니아")),
    "ug": (None, r"uganda(?:n)?", ("أوغندا", "乌干达", "우간다")),
    "gh": (None, r"ghana(?:ian)?", ("غانا", "加纳", "가나(?!다)")),
    "ci": (None, r"ivory coast|côte d'ivoire", ("ساحل العاج", "科特迪瓦", "코트디부아르")),
    "mg": (None, r"madagascar", ("مدغشقر", "马达加斯加", "마다가스카르")),
    "ma": (None, r"morocc(?:o|an)", ("المغرب", "摩洛哥", "모로코")),
    "tn": (None, r"tunisia(?:n)?", ("تونس", "突尼斯", "튀니지")),
    "eg": (None, r"egypt(?:ian)?", ("مصر", "埃及", "이집트")),
    "sa": (None, r"saudi(?: arabia)?|(?-i:KSA)", ("السعودية", "沙特", "사우디")),
    "qassim": ("sa", r"qassim", ("القصيم",)),
    "ahsa": ("sa", r"al[- ]ahsa|hofuf", ("الأحساء", "الاحساء")),
    "madinah": ("sa", r"madinah|medina", ("المدينة المنورة",)),
    "taif": ("sa", r"taif", ("الطائف",)),
    "jazan": ("sa", r"jazan|jizan", ("جازان", "جيزان")),
    "ae": (None, r"(?-i:UAE)|united arab emirates|emirati", ("الإمارات", "阿联酋", "아랍에미리트")),
    "om": (None, r"oman(?:i)?", ("سلطنة عمان", "عُمان", "阿曼", "오만")),
    "ye": (None, r"yemen(?:i)?", ("اليمن", "也门", "예멘")),
    "jo": (None, r"jordan(?:ian)?", ("الأردن", "约旦", "요르단")),
    "lb": (None, r"leban(?:on|ese)", ("لبنان", "黎巴嫩", "레바논")),
    "sy": (None, r"syria(?:n)?", ("سوريا", "叙利亚", "시리아")),
    "ir": (None, r"iran(?:ian)?|persian", ("إيران", "伊朗", "이란")),
    "tr_": ("tr", r"anatolia(?:n)?", ("الأناضول",)),
}

_ARABIC_LETTER = "\u0621-\u064a"


def _pattern(english: str, others: tuple[str, ...]) -> str:
    parts = [rf"\b(?:{english})\b"]
    for name in others:
        if re.match(f"[{_ARABIC_LETTER}]", name):
            # a prefix (بـ، و، لـ، من) may join it; no letter may follow but the nisba ي / ية
            parts.append(rf"{name}(?![{_ARABIC_LETTER}])")
        else:
            parts.append(name)
    return "|".join(parts)


# each runs only on a text that holds a word it needs (consistency.judge.lexicon.Gated)
_PLACES = [(pid, gated(_pattern(en, others), re.IGNORECASE)) for pid, (_, en, others) in _GAZETTEER.items()]
# Every place name at once, a little looser than the patterns (no look-ahead, Arabic spellings folded): a text
# it finds nothing in names no place, and the hundred patterns are not run (most texts)
_ANY_PLACE = Lexicon({pid: [en, *(re.sub(r"\(\?!.*?\)", "", name) for name in others)]
                      for pid, (_, en, others) in _GAZETTEER.items()})

# Words that make a nearby place the origin of something
_ORIGIN_WORD = re.compile(
    r"\b(?:made|manufactur\w*|produc(?:ed|es|e|tion)|grown|grows?|harvest\w*|sourc(?:ed|es|e|ing)|woven|weaves?|"
    r"knit(?:ted|s)?|sewn|stitched|crafted|assembled|milled|spun|picked|farm(?:ed|s)?|raised|bred|roasted|"
    r"brewed|distilled|bottled|printed|tanned|cast|fired|thrown|mill|factory|factories|workshop|atelier|plantations?|"
    r"estates?|orchards?|gardens?|dair(?:y|ies)|origin|imported|comes? from|came from|hails? from|from)\b|"
    r"产自|产于|来自|源自|出产|产地|原产|产的|产|进口自|采购|种植|生产|制造|制作|织|烧制|茶园|庄园|牧场|工厂|工坊|"
    r"생산|제조|만든|만듭|만들|재배|수확|원산지|산지|(?<=[가-힣])산(?=[이은을의도]|\s|$|[,.)])|공장|농장|다원|목장|에서 (?:들여|가져|공급)|수입|"
    r"صنع|صُنع|مصنوع|تُصنع|تصنع|يُصنع|إنتاج|منتج|تُزرع|مزروع|زراعة|مزارع|مزرعة|مصدر|مصانع|مصنع|ورشة|نستورد|مستورد|"
    r"يصل\S*\s+من|من\s", re.IGNORECASE)
_NEAR = 25  # characters between a place and its origin word
# A place right next to a store, a café or a customer is where things are sold: "our Seoul stores",
# "in our UK cafés", "في فروع الإمارات", "上海门店", "제주 매장"
_SALE_AFTER = re.compile(r"^\W{0,2}(?:\w+\s)?(?:stores?|shops?|caf[eé]s?|branch(?:es)?|outlets?|boutiques?|customers?|shoppers?|"
                         r"market|orders?|deliver\w*)\b|^\s?(?:门店|店|分店|顾客|客户|市场|매장|지점|고객|카페|점)", re.IGNORECASE)
_SALE_BEFORE = re.compile(r"(?:\b(?:stores?|shops?|caf[eé]s?|branch(?:es)?|outlets?|ships?|shipping|deliver(?:y|ies|s)?|"
                          r"customers?) (?:\w+ ){0,2}(?:in|to|across|throughout|within)(?: the)?|"
                          r"(?:فروع|فرع|متاجر|متجر|مقاهي|مقهى|عملاء|عملائنا)\S*\s(?:\S+\s)?(?:في\s|ب)?\S{0,2})\s?$", re.IGNORECASE)


def _sold_here(text: str, m: re.Match[str]) -> bool:
    return bool(_SALE_AFTER.search(text[m.end():m.end() + 20]) or _SALE_BEFORE.search(text[max(0, m.start() - 40):m.start()]))


def _origin_matches(text: str, need_word: bool) -> list[tuple[str, re.Match[str]]]:
    """(place, its first match as an origin) for each place ``text`` names as where something comes from."""
    out: list[tuple[str, re.Match[str]]] = []
    if not _ANY_PLACE.find(text):
        return out
    for pid, pattern in _PLACES:
        for m in pattern.finditer(text):
            if _sold_here(text, m):
                continue
            if not need_word or _ORIGIN_WORD.search(text[max(0, m.start() - _NEAR):m.end() + _NEAR]):
                out.append((pid, m))
                break
    return out


@lru_cache(maxsize=65536)
def named_origins(text: str, need_word: bool = True) -> frozenset[str]:
    """The places of origin ``text`` names, as named (Pu'er, not also Yunnan and China)."""
    return frozenset(pid for pid, _ in _origin_matches(text, need_word))


def _within(places: frozenset[str]) -> frozenset[str]:
    """``places`` and every place they lie in."""
    out: set[str] = set()
    for pid in places:
        while pid is not None:
            out.add(pid)
            pid = _GAZETTEER[pid][0]
    return frozenset(out)


def origin_places(text: str, need_word: bool = True) -> frozenset[str]:
    """The places of origin ``text`` names, each with the places it lies in."""
    return _within(named_origins(text, need_word))


def origin_spans(text: str, need_word: bool = True) -> list[tuple[int, int]]:
    """Where the places of origin sit in ``text``."""
    return sorted(m.span() for _, m in _origin_matches(text, need_word))


def origins_differ(a: str, b: str, need_word: bool = True) -> bool:
    """Both statements name a place of origin, and none of one's places lies in (or is) one of the other's:
    Inner Mongolia against Sichuan differ, China against Fujian do not."""
    na, nb = named_origins(a, need_word), named_origins(b, need_word)
    return bool(na) and bool(nb) and not (na & _within(nb)) and not (nb & _within(na))
