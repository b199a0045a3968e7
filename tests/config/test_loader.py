from pathlib import Path

import pytest

from consistency.cli import main
from consistency.config.loader import load_config
from consistency.errors import ConfigError


def write(tmp_path: Path, text: str, name: str = "consistency.toml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_defaults_fill_in_and_relative_paths_resolve_against_config_folder(tmp_path):
    (tmp_path / "mail").mkdir()
    (tmp_path / "mail" / "n.mbox").write_text("")
    cfg = load_config(write(tmp_path, """
[brand]
name = "Acme"
[[sources]]
type = "mail"
path = "mail/n.mbox"
[[sources]]
type = "site"
url = "https://www.example.com/"
max_pages = 5
"""))
    assert cfg.brand == "Acme"
    assert cfg.sources[0]["path"] == str((tmp_path / "mail" / "n.mbox").resolve())
    site = cfg.sources[1]
    assert site["max_pages"] == 5
    assert site["delay"] == 1.0  # from the packaged [crawl] defaults
    assert cfg["store"]["path"] == str((tmp_path / ".consistency" / "store.sqlite").resolve())


def test_unknown_key_names_the_key_and_suggests_the_fix(tmp_path):
    p = write(tmp_path, '[[sources]]\ntype = "site"\nurl = "https://x.example/"\nmax_page = 3\n')
    with pytest.raises(ConfigError) as err:
        load_config(p)
    assert "sources[0].max_page" in err.value.message
    assert "max_pages" in err.value.hint


def test_wrong_type_is_an_error(tmp_path):
    p = write(tmp_path, '[crawl]\ndelay = "fast"\n')
    with pytest.raises(ConfigError, match="crawl.delay"):
        load_config(p)


def test_missing_file_is_an_error_with_the_resolved_path(tmp_path):
    p = write(tmp_path, '[[sources]]\ntype = "mail"\npath = "nope.mbox"\n')
    with pytest.raises(ConfigError, match="nope.mbox"):
        load_config(p)


def test_unknown_source_type_suggests_the_closest(tmp_path):
    p = write(tmp_path, '[[sources]]\ntype = "feeds"\nurl = "https://x.example/f.xml"\n')
    with pytest.raises(ConfigError) as err:
        load_config(p)
    assert "feed" in err.value.hint


def test_pyproject_tool_table_and_overrides(tmp_path):
    p = write(tmp_path, '[tool.consistency.brand]\nname = "Py"\n[tool.consistency.check]\nfail_on = "warning"\n',
              name="pyproject.toml")
    cfg = load_config(tmp_path, overrides={"check.fail_on": "note", "store.path": "elsewhere.sqlite"})
    assert cfg.brand == "Py"
    assert cfg["check"]["fail_on"] == "note"
    assert cfg["store"]["path"].endswith("elsewhere.sqlite")
    assert cfg.path == p.resolve()


def test_commitments_need_text_or_urls(tmp_path):
    p = write(tmp_path, '[[commitments]]\nlang = "en"\n')
    with pytest.raises(ConfigError, match="commitments"):
        load_config(p)


def test_cli_exits_2_with_the_hint_on_a_config_error(tmp_path, capsys):
    p = write(tmp_path, '[brand]\nnmae = "x"\n')
    assert main(["crawl", str(p)]) == 2
    err = capsys.readouterr().err
    assert "brand.nmae" in err and "name" in err


@pytest.mark.parametrize(("deeds", "named", "hint"), [
    ('severity = { D101 = "eror" }', "deeds.severity.D101", "did you mean `error`?"),
    ('severity = { C101 = "note" }', "'C101'", "use one of D101, D102, D103, D104, D105"),
    ('checks = ["D101", "D1O3"]', "'D1O3'", "did you mean `D103`?"),
])
def test_a_bad_deeds_value_stops_crawl_before_any_fetch(tmp_path, capsys, deeds, named, hint):
    # The site is a closed port: had the crawl started, it would have reported a fetch error instead.
    p = write(tmp_path, f'[[sources]]\ntype = "site"\nurl = "http://127.0.0.1:9/"\n[deeds]\n{deeds}\n')
    assert main(["crawl", str(p)]) == 2
    err = capsys.readouterr().err
    assert named in err and hint in err
    assert "collected" not in err
    assert not (tmp_path / ".consistency").exists()  # not even the store was opened


def test_an_unknown_report_format_stops_crawl_before_any_fetch(tmp_path, capsys):
    p = write(tmp_path, '[[sources]]\ntype = "site"\nurl = "http://127.0.0.1:9/"\n[check]\nformats = ["html", "srif"]\n')
    assert main(["crawl", str(p)]) == 2
    err = capsys.readouterr().err
    assert "unknown report format 'srif'" in err and "did you mean `sarif`?" in err and "collected" not in err
