"""Every kind of finding has a stable code, a name, a one-line summary, an example and a default severity.

Codes never change meaning once published: suppressions and baselines refer to them.
C1xx are typed slot conflicts (deterministic), C2xx cue-based rules, C3xx learned models,
D1xx words-versus-deeds checks (what a page or mail does against what the brand says).
"""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("error", "warning", "note")


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    summary: str
    severity: str  # default severity of a finding against a commitment
    example: tuple[str, str]  # (commitment, conflicting statement)

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "summary": self.summary,
            "severity": self.severity,
            "example": list(self.example),
        }


_RULES = [
    Rule("C101", "quantity-conflict", "The same countable claim carries different numbers.", "error",
         ("Every order ships with 2 free samples.", "Each order now comes with one free sample.")),
    Rule("C102", "duration-conflict", "The same window or period is stated with different lengths.", "error",
         ("Free returns within 30 days of delivery.", "You can return items within 14 days.")),
    Rule("C103", "money-conflict", "The same price or threshold is stated with different amounts.", "error",
         ("Free shipping on orders over $50.", "Free shipping on orders over $75.")),
    Rule("C104", "percentage-conflict", "The same share or discount is stated with different percentages.", "error",
         ("All our cotton is 100% organic.", "70% of our cotton is organic.")),
    Rule("C105", "hours-conflict", "Opening or support hours disagree (clock times, day ranges, 24/7).", "error",
         ("Our support team is available 24/7.", "Support is open Monday to Friday, 9am to 5pm.")),
    Rule("C106", "frequency-conflict", "How often something happens is stated differently.", "error",
         ("We publish an impact report every year.", "Our impact report comes out every three years.")),
    Rule("C107", "date-conflict", "A deadline, target year or date disagrees.", "error",
         ("We will be carbon neutral by 2030.", "Our goal is carbon neutrality by 2040.")),
    Rule("C201", "polarity-conflict", "One statement affirms what the other denies.", "error",
         ("We never sell your personal data.", "We sell customer data to selected partners.")),
    Rule("C301", "model-contradiction", "The trained pair classifier judges the two statements contradictory, "
         "and the text carries evidence for it (not reported between two sentences of one document).",
         "warning",
         ("Every package is shipped in plastic-free packaging.", "Orders arrive wrapped in plastic film.")),
    Rule("C302", "cross-encoder-contradiction", "The configured cross-encoder NLI model judges a contradiction.",
         "warning",
         ("We answer every message within 24 hours.", "Expect a reply within a week.")),
    Rule("D101", "third-party-tracking", "A page loads third-party trackers against a privacy promise.", "error",
         ("We use only first-party cookies.", "blog/cookies loads https://ads.tracker.example/pixel.js")),
    Rule("D102", "missing-unsubscribe", "A marketing mail offers no one-click unsubscribe against an opt-out promise.",
         "error",
         ("Unsubscribe with one click from any email.", "Newsletter without List-Unsubscribe or unsubscribe link")),
    Rule("D103", "form-without-consent", "A form collects contact details without consent text.", "error",
         ("We only email you with your explicit consent.", "signup form collects email with no consent text")),
    Rule("D104", "structured-data-conflict", "A page's structured data disagrees with a written commitment.",
         "error",
         ("Free returns within 30 days.", "JSON-LD MerchantReturnPolicy: merchantReturnDays 14")),
    Rule("D105", "contact-channel-mismatch", "A promised contact channel is missing where it is promised.",
         "warning",
         ("Chat with us 24/7.", "contact page offers only a mailto: link")),
]

RULES: dict[str, Rule] = {r.code: r for r in _RULES}
BY_NAME: dict[str, Rule] = {r.name: r for r in _RULES}


def rule(code_or_name: str) -> Rule:
    """Look a rule up by code (``C102``) or name (``duration-conflict``)."""
    if code_or_name in RULES:
        return RULES[code_or_name]
    return BY_NAME[code_or_name]
