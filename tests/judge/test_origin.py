"""Places of origin: two statements that say something is made or grown in different places."""

from consistency.judge.contrast import contrast_features, explain_contrasts
from consistency.judge.places import origin_places, origins_differ


def test_different_countries_of_making_differ():
    assert origins_differ("Every one of our blankets is woven in Wales.", "Our new wool throws are made in a mill in Italy.")
    assert contrast_features("Every one of our blankets is woven in Wales.",
                             "Our new wool throws are made in a mill in Italy.")["any"] >= 1


def test_places_in_chinese_korean_arabic_and_across_languages():
    assert origins_differ("我们的红茶全部产自云南。", "本季红茶来自斯里兰卡的茶园。")
    assert origins_differ("모든 감귤 주스는 제주산 감귤로 만듭니다.", "이번 주스는 스페인산 오렌지로 만들었어요.")
    assert origins_differ("جميع أحذيتنا مصنوعة في إيطاليا.", "Our new sandals are made in Vietnam.")


def test_a_place_inside_the_other_is_no_difference():
    assert not origins_differ("Our tea is grown in Japan.", "This sencha is grown in Shizuoka.")
    assert not origins_differ("咖啡豆全部来自埃塞俄比亚。", "Our Yirgacheffe beans are sourced from small farms.")
    # two provinces of one country do differ
    assert origins_differ("牛奶全部来自新疆的牧场。", "Our milk now comes from a dairy farm in Sichuan.")


def test_places_of_sale_and_markets_are_not_origins():
    assert origin_places("Our Seoul stores open at ten.") == frozenset()
    assert origin_places("We ship to Canada and Mexico.") == frozenset()
    assert not origins_differ("Our cafés in Japan serve oat milk.", "Our cafés in Korea serve oat milk.")
    # a place named with no origin word nearby is not a claim about origin
    assert origin_places("Our founder grew up in Portugal and loves hiking.") == frozenset()


def test_the_reason_names_both_places():
    reasons = [r for r, _, _ in explain_contrasts("All our knitwear is knitted in Ireland.",
                                                  "Our new cardigans are knitted in Peru.")]
    assert any("Ireland" in r and "Peru" in r for r in reasons)


def test_every_name_in_the_gazetteer_is_found_past_the_gate():
    """The one-lexicon gate in front of the place patterns must never hide a place they would find."""
    import re

    from consistency.judge.places import _GAZETTEER, named_origins

    missed = [(pid, name) for pid, (_, _, others) in _GAZETTEER.items()
              for name in (re.sub(r"\(\?!.*?\)", "", n) for n in others)
              if pid not in named_origins(f"({name})", need_word=False)]
    assert not missed, missed[:10]
    english = [(pid, word) for pid, (_, en, _) in _GAZETTEER.items()
               if (word := en.split("|")[0]).isalpha()  # the first spelling, where it is a plain word
               and pid not in named_origins(f"It is made in {word.title()}.")]
    assert not english, english[:10]
