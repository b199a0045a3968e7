"""Language of a statement: script first, py3langid for shared scripts, the document's hint for short text."""

import time

import pytest

from consistency.statements.langid import detect_lang


@pytest.mark.parametrize(("text", "lang"), [
    ("We never sell your personal data to anyone.", "en"),
    ("Livraison gratuite partout en France métropolitaine.", "fr"),
    ("Kostenloser Versand für alle Bestellungen ab 50 Euro.", "de"),
    ("Envío gratis en todos los pedidos a partir de 50 euros.", "es"),
    ("Spedizione gratuita su tutti gli ordini superiori a 50 euro.", "it"),
    ("Miễn phí vận chuyển cho mọi đơn hàng trên toàn quốc.", "vi"),
    ("نرد على كل رسالة خلال ٢٤ ساعة من استلامها.", "ar"),
    ("ما هرگز اطلاعات شخصی شما را به دیگران نمی‌فروشیم.", "fa"),
    ("ہم ہمیشہ آپ کے سوالات کا جواب دیتے ہیں۔", "ur"),
    ("我们承诺30天内免费退货。", "zh"),
    ("我們承諾三十天內免費退貨。", "zh"),
    ("送料無料でお届けします。", "ja"),
    ("모든 주문은 24시간 이내에 발송됩니다.", "ko"),
    ("Бесплатная доставка по всей России от 3000 рублей.", "ru"),
    ("Безкоштовна доставка по всій Україні протягом тижня.", "uk"),
    ("Δωρεάν αποστολή σε όλη την Ελλάδα.", "el"),
    ("משלוח חינם לכל הארץ.", "he"),
    ("सभी ऑर्डर पर मुफ़्त शिपिंग उपलब्ध है।", "hi"),
    ("ส่งฟรีทุกคำสั่งซื้อทั่วประเทศ", "th"),
])
def test_languages_by_script_and_model(text, lang):
    assert detect_lang(text) == lang


@pytest.mark.parametrize(("text", "lang"), [
    ("Our 서울 store", "en"),  # 8 Latin letters outweigh two Hangul syllables
    ("서울 매장이 다음 주에 새로 문을 엽니다 (Seoul store)", "ko"),
    ("我们的 Summer Collection 上线了", "zh"),  # a Han character carries about a Latin syllable
    ("优衣库ユニクロ上海新店今天开业了欢迎大家光临", "zh"),  # one katakana brand name does not make it Japanese
    ("ユニクロの新店舗が上海にオープンしました", "ja"),
    ("نقبل Apple Pay وجميع بطاقات الائتمان الرئيسية", "ar"),
])
def test_mixed_text_takes_the_dominant_script(text, lang):
    assert detect_lang(text) == lang


@pytest.mark.parametrize(("text", "hint", "lang"), [
    ("Shop", "de", "de"),
    ("Gratis", "es", "es"),
    ("東京本店", "ja", "ja"),  # all kanji, but the page says Japanese
    ("東京本店", None, "zh"),
    ("Free", "zh-Hant", "en"),  # a Chinese page's Latin word: the hint's script does not match
    ("Home", "en-US", "en"),
    ("로그인", "ko_KR", "ko"),
    ("Retours gratuits sous 30 jours.", "en", "fr"),  # enough letters: the text wins over the hint
    ("Returns are free within 30 days of delivery.", "fr", "en"),
])
def test_hint_decides_short_text_only_when_its_script_matches(text, hint, lang):
    assert detect_lang(text, hint=hint) == lang


@pytest.mark.parametrize("text", ["", "   ", "12345", "2026-01-05", "١٢٣٤", "!!! ???", "😀 👍", "$4.99 / 30%"])
def test_text_without_letters_is_undetermined(text):
    assert detect_lang(text) == "und"
    assert detect_lang(text, hint="en") == "und"


def test_short_latin_text_without_hint_defaults_to_english():
    assert detect_lang("Our store") == "en"


def test_fast():
    texts = ["Free returns within 30 days on all orders.", "모든 주문은 24시간 이내에 발송됩니다.",
             "我们承诺30天内免费退货。", "نرد على كل رسالة خلال ٢٤ ساعة."] * 1000
    detect_lang("warm up the model", None)
    start = time.perf_counter()
    for text in texts:
        detect_lang(text, "en")
    elapsed = time.perf_counter() - start
    assert elapsed < 2.0, f"4,000 statements took {elapsed:.2f}s"
