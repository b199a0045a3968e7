"""English evidence for the judge's gate: words that look like a contrast but state the same thing."""

from consistency.judge.contrast import contrast_features


def test_free_of_said_plainly_is_no_contrast():
    """"plastic-free" and "no plastic in the box" are one promise; "wrapped in plastic" breaks it."""
    assert not contrast_features("Our mailers are completely plastic-free.",
                                 "There's no plastic in our mailers, just card and paper tape.")["free_of"]
    assert not contrast_features("Every sauce we bottle is gluten-free.",
                                 "We use no gluten in any sauce we bottle.")["free_of"]
    assert contrast_features("Our mailers are completely plastic-free.",
                             "Each jumper is folded into a plastic sleeve before it ships.")["free_of"]


def test_ships_free_is_a_price_not_something_left_out():
    """"orders ship free" says nothing is charged; it does not say the order is free of shipping."""
    assert not contrast_features("Orders over $60 ship free.",
                                 "Everything shipped from our Leeds warehouse goes out in paper mailers.")["free_of"]
    assert not contrast_features("Try any plan free for two weeks.",
                                 "Your first fortnight on any plan costs nothing.")["free_of"]


def test_a_demonym_names_its_market():
    """"Australian orders" are orders to Australia: against "New Zealand customers" the two are
    two markets' rules, not one rule stated twice."""
    from consistency.judge.slots import compare, scope_terms

    assert scope_terms("Australian orders can be returned within 30 days.", "en") == {"country:au"}
    assert scope_terms("British shoppers pay no import duty.", "en") == {"country:uk"}
    assert compare("Australian orders can be returned within 30 days.", "en",
                   "New Zealand customers have 21 days to return an order.", "en") is None
    assert compare("Australian orders can be returned within 30 days.", "en",
                   "Orders to Australia can be returned within 14 days.", "en") is not None
