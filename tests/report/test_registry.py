"""The format registry: names, file names, and the error for a name it does not know."""

from __future__ import annotations

import pytest

from consistency.errors import ConfigError
from consistency.report.interface import Formatter
from consistency.report.registry import FORMATTERS, formatter_for


def test_every_formatter_answers_to_its_own_name_and_writes_its_own_file():
    assert set(FORMATTERS) == {"html", "json", "sarif", "junit"}
    for name, cls in FORMATTERS.items():
        assert issubclass(cls, Formatter) and cls.name == name
    assert len({cls.filename for cls in FORMATTERS.values()}) == len(FORMATTERS)


@pytest.mark.parametrize(("typo", "suggestion"), [("sarf", "sarif"), ("JSON", "json"), ("junit-xml", "junit")])
def test_close_misspelling_gets_a_suggestion(typo, suggestion):
    with pytest.raises(ConfigError) as err:
        formatter_for(typo)
    assert f"did you mean `{suggestion}`?" in err.value.hint
    assert "valid formats: html, json, junit, sarif" in err.value.hint


def test_unrelated_name_lists_the_valid_ones_without_guessing():
    with pytest.raises(ConfigError) as err:
        formatter_for("pdf")
    assert "did you mean" not in err.value.hint
    assert "valid formats: html, json, junit, sarif" in err.value.hint
    assert err.value.exit_code == 2
