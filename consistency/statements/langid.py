"""Language of one statement: Unicode script first, py3langid only where the script is shared.

Script settles most of our languages outright and for free: Hangul is Korean, Han without
Kana is Chinese, Kana is Japanese, Arabic script is Arabic unless Persian or Urdu letters
outnumber the Arabic-only ones. Only scripts that many languages share (Latin, Cyrillic,
Devanagari) go to py3langid, restricted to the languages written in that script, so a short
English line is never labelled Pashto.

Short text says little: under ``SHORT`` letters, the document's declared language (``hint``)
wins whenever it is written in the script we see. Mixed text takes the script with the most
letters, where one Han, Kana or Hangul character counts as ``CJK_WEIGHT`` letters (a
syllable carries about what three Latin letters do), so "Our 서울 store" is English and
"我们的 Summer Collection 上线了" is Chinese.
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SHORT = 20  # fewer weighted letters than this: trust a hint of the same script
CJK_WEIGHT = 3
MIN_CONFIDENCE = 0.5  # py3langid less sure than this: a same-script hint wins, else the script's first language


@dataclass(frozen=True, slots=True)
class Script:
    """A writing system: how to count its letters and which languages it may mean.

    A script with one language answers directly; one with several asks py3langid, restricted
    to ``langs`` (ISO 639-1 codes the bundled model knows). ``langs[0]`` is the fallback.
    """

    name: str
    letters: re.Pattern[str]
    langs: tuple[str, ...]
    weight: int = 1


_LATIN_LANGS = (
    "en", "fr", "de", "es", "pt", "it", "nl", "sv", "da", "no", "nn", "fi", "pl", "cs", "sk", "sl",
    "hr", "bs", "ro", "hu", "tr", "id", "ms", "vi", "tl", "ca", "eu", "gl", "et", "lv", "lt", "is",
    "ga", "cy", "sq", "af", "sw", "az", "uz", "mt", "lb", "eo", "la", "zu", "xh", "yo", "ha",
)
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_KANA = "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fd-\u30ff\u31f0-\u31ff\uff66-\uff9d"

# Order matters only for ties. Han and Kana are counted apart and merged below.
SCRIPTS: tuple[Script, ...] = (
    Script("latin", re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]"), _LATIN_LANGS),
    Script("hangul", re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3131-\u318e]"), ("ko",), CJK_WEIGHT),
    Script("han", re.compile(f"[{_HAN}]"), ("zh",), CJK_WEIGHT),
    Script("kana", re.compile(f"[{_KANA}]"), ("ja",), CJK_WEIGHT),
    Script("arabic", re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08c9"
                                r"\ufb50-\ufdfb\ufe70-\ufefc]"), ("ar", "fa", "ur")),
    Script("cyrillic", re.compile(r"[\u0400-\u0481\u048a-\u052f]"),
           ("ru", "uk", "bg", "be", "sr", "mk", "kk", "ky", "mn", "tg", "tt", "ba")),
    Script("greek", re.compile(r"[\u0386-\u03ce\u1f00-\u1ffc]"), ("el",)),
    Script("hebrew", re.compile(r"[\u05d0-\u05ea\u05f0-\u05f2]"), ("he",)),
    Script("devanagari", re.compile(r"[\u0904-\u0939\u093d\u0950\u0958-\u0961\u0972-\u097f]"), ("hi", "mr", "ne")),
    Script("bengali", re.compile(r"[\u0985-\u09b9\u09dc-\u09e1]"), ("bn",)),
    Script("gurmukhi", re.compile(r"[\u0a05-\u0a39\u0a59-\u0a5e]"), ("pa",)),
    Script("gujarati", re.compile(r"[\u0a85-\u0ab9\u0ae0\u0ae1]"), ("gu",)),
    Script("tamil", re.compile(r"[\u0b85-\u0bb9]"), ("ta",)),
    Script("telugu", re.compile(r"[\u0c05-\u0c39\u0c60\u0c61]"), ("te",)),
    Script("kannada", re.compile(r"[\u0c85-\u0cb9\u0ce0\u0ce1]"), ("kn",)),
    Script("malayalam", re.compile(r"[\u0d05-\u0d3a\u0d60\u0d61]"), ("ml",)),
    Script("sinhala", re.compile(r"[\u0d85-\u0dc6]"), ("si",)),
    Script("thai", re.compile(r"[\u0e01-\u0e30\u0e40-\u0e46]"), ("th",)),
    Script("lao", re.compile(r"[\u0e81-\u0eb0\u0ec0-\u0ec6]"), ("lo",)),
    Script("khmer", re.compile(r"[\u1780-\u17b3]"), ("km",)),
    Script("myanmar", re.compile(r"[\u1000-\u102a]"), ("my",)),
    Script("georgian", re.compile(r"[\u10a0-\u10ff]"), ("ka",)),
    Script("armenian", re.compile(r"[\u0531-\u0556\u0561-\u0587]"), ("hy",)),
    Script("ethiopic", re.compile(r"[\u1200-\u135a]"), ("am",)),
)
_BY_NAME = {s.name: s for s in SCRIPTS}
# Which script a declared language is written in (for trusting hints). Japanese hints match
# Han text as well as Kana: a short Japanese line may be all kanji.
_LANG_SCRIPTS: dict[str, frozenset[str]] = {
    **{lang: frozenset({s.name}) for s in reversed(SCRIPTS) for lang in s.langs},
    "ja": frozenset({"kana", "han"}),
}

_LATIN_ASCII = re.compile(r"[A-Za-z]")
# Letters that only Persian (پ چ ژ گ ک ی) or Urdu (ٹ ڈ ڑ ں ے ہ) use, and Arabic-only ones (ة ي ك ى).
_PERSIAN = re.compile(r"[\u067e\u0686\u0698\u06af\u06a9\u06cc]")
_URDU = re.compile(r"[\u0679\u0688\u0691\u06ba\u06d2\u06c1]")
_ARABIC_ONLY = re.compile(r"[\u0629\u064a\u0643\u0649]")


def detect_lang(text: str, hint: str | None = None) -> str:
    """ISO 639-1 code of ``text``'s language, or ``"und"`` when it has no letters.

    ``hint`` is the document's declared language ("en", "zh-Hant", "ko_KR"); it decides
    short or low-confidence text when its script matches what the text is written in.
    """
    hint_lang = _base(hint)
    counts = _script_counts(text)
    if not counts:
        return "und"
    if "kana" in counts or "han" in counts:
        kana, han = counts.pop("kana", 0), counts.pop("han", 0)
        counts["kana" if _is_japanese(kana, han) else "han"] = kana + han
    script = _BY_NAME[max(counts, key=counts.__getitem__)]
    weighted = counts[script.name]
    fitting_hint = hint_lang if hint_lang and script.name in _LANG_SCRIPTS.get(hint_lang, ()) else None
    if fitting_hint and weighted < SHORT:
        return fitting_hint
    if script.name == "arabic":
        return _arabic_variant(text)
    if len(script.langs) == 1:
        return script.langs[0]
    lang, confidence = _classify(text, script.langs)
    if fitting_hint and lang != fitting_hint and confidence < MIN_CONFIDENCE:
        return fitting_hint
    return lang


@functools.cache
def _base(hint: str | None) -> str | None:
    """"zh-Hant" -> "zh", "ko_KR" -> "ko"."""
    if not hint:
        return None
    base = re.split(r"[-_]", hint.strip(), maxsplit=1)[0].lower()
    return base or None


def _script_counts(text: str) -> dict[str, int]:
    """Weighted letter counts per script, scripts with no letters left out."""
    if text.isascii():  # the common case: one pass instead of one per script
        n = len(_LATIN_ASCII.findall(text))
        return {"latin": n} if n else {}
    counts = {}
    for script in SCRIPTS:
        n = len(script.letters.findall(text))
        if n:
            counts[script.name] = n * script.weight
    return counts


def _is_japanese(kana: int, han: int) -> bool:
    """Kana make it Japanese; a stray katakana brand name inside Chinese does not."""
    return kana >= 2 * CJK_WEIGHT and kana * 5 >= kana + han  # two kana and a fifth of the CJK letters


def _arabic_variant(text: str) -> str:
    arabic = len(_ARABIC_ONLY.findall(text))
    persian = len(_PERSIAN.findall(text))
    urdu = len(_URDU.findall(text))
    if urdu > arabic and urdu >= persian // 2:
        return "ur"
    if persian > arabic:
        return "fa"
    return "ar"


def _classify(text: str, langs: tuple[str, ...]) -> tuple[str, float]:
    """py3langid's best language among ``langs`` and its probability among them.

    Unsure answers fall back to ``langs[0]`` (English for Latin script, Russian for Cyrillic):
    for a few letters the model's second guess is as good as its first, and the fallback
    is the likeliest language of a brand's short Latin-script line.
    """
    lang, confidence = _identifier(langs).classify(text)
    if confidence < MIN_CONFIDENCE:
        return langs[0], float(confidence)
    return lang, float(confidence)


@functools.cache
def _model() -> LanguageIdentifier:
    """The bundled py3langid model, loaded once (about 0.7 s) on first use, never downloaded."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@functools.cache
def _identifier(langs: tuple[str, ...]) -> LanguageIdentifier:
    """A view of the model restricted to ``langs`` (shares the weights; scores only these columns).

    Our own copy, so we never restrict py3langid's module-level identifier under other callers.
    """
    restricted = copy.copy(_model())
    restricted.set_languages(langs)
    return restricted
