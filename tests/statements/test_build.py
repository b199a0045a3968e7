"""Document -> statements through the command line: a site's repeated slogan is listed once."""

from __future__ import annotations

import json
from pathlib import Path

from consistency.cli import main

SLOGAN = "Made with care, made to last."
TOPICS = ["linen sheets", "cotton towels", "wool blankets", "silk pillowcases", "hemp aprons"]


def _site(tmp_path: Path) -> Path:
    """Five pages whose content area ends with the same slogan (not in a footer the extractor drops)."""
    root = tmp_path / "site"
    root.mkdir()
    links = "".join(f'<p>See <a href="/p{i}.html">page {i}</a> for more.</p>' for i in range(1, len(TOPICS)))
    for i, topic in enumerate(TOPICS):
        name = "index.html" if i == 0 else f"p{i}.html"
        body = f"<p>Our {topic} are woven in Portugal from organic fibre.</p><p>{SLOGAN}</p>"
        (root / name).write_text(f"<html lang='en'><body><main>{body}{links if i == 0 else ''}</main></body></html>",
                                 encoding="utf-8")
    config = tmp_path / "consistency.toml"
    config.write_text('[brand]\nname = "Loom"\n[[sources]]\ntype = "site"\nurl = "https://www.loom.example/"\n'
                      'local_root = "site"\ndelay = 0\n', encoding="utf-8")
    return config


def _statements(config: Path, out: Path, *flags: str) -> list[dict]:
    assert main(["statements", str(config), "-q", "-o", str(out), *flags]) == 0
    return [json.loads(line) for line in out.read_text("utf-8").splitlines()]


def test_a_sentence_on_most_pages_of_a_site_is_listed_once_and_all_repeats_with_all(tmp_path):
    config = _site(tmp_path)
    rows = _statements(config, tmp_path / "statements.jsonl")
    slogans = [r for r in rows if r["text"] == SLOGAN]
    assert len(slogans) == 1 and slogans[0]["url"] == "https://www.loom.example/"  # kept on its first page
    assert sum("woven in Portugal" in r["text"] for r in rows) == len(TOPICS)  # page content is all there
    every = _statements(config, tmp_path / "all.jsonl", "--no-crawl", "--all")
    assert sum(r["text"] == SLOGAN for r in every) == len(TOPICS)


def test_statement_records_carry_the_fields_the_issue_names(tmp_path):
    rows = _statements(_site(tmp_path), tmp_path / "statements.jsonl")
    first = next(r for r in rows if "linen sheets" in r["text"])
    assert {"id", "text", "lang", "source_type", "url", "title", "published", "start", "end"} <= set(first)
    assert first["lang"] == "en" and first["source_type"] == "site"
    page_text = "Our linen sheets are woven in Portugal from organic fibre."
    assert first["text"] == page_text and (first["start"], first["end"]) == (0, len(page_text))


def test_a_draft_without_a_declared_language_lends_its_detected_language_to_short_lines(tmp_path):
    (tmp_path / "offre.md").write_text(
        "# Offre d'été\n\nLivraison offerte.\n\nNous expédions chaque commande sous deux jours ouvrés, et les retours "
        "sont gratuits pendant trente jours après la livraison.\n", encoding="utf-8")
    config = tmp_path / "consistency.toml"
    config.write_text('[brand]\nname = "Loom"\n[[sources]]\ntype = "files"\npath = "*.md"\n', encoding="utf-8")
    rows = _statements(config, tmp_path / "statements.jsonl")
    assert {r["text"]: r["lang"] for r in rows}["Livraison offerte."] == "fr"  # alone it reads as English
    assert {r["lang"] for r in rows} == {"fr"}
