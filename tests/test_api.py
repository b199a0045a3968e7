"""What a Python user (and the CLI over it) gets from consistency.api."""

from pathlib import Path

from consistency import api


def _config(tmp_path: Path, sources: list[str]) -> Path:
    body = ['[brand]\nname = "Sample"\n', f'[store]\npath = "{tmp_path / "store.sqlite"}"\n']
    body += [f'[[sources]]\ntype = "files"\npath = "{s}/*.md"\n' for s in sources]
    body.append('[[commitments]]\ntext = "Returns are free within 30 days of delivery."\n')
    path = tmp_path / "consistency.toml"
    path.write_text("\n".join(body), "utf-8")
    return path


def _check(tmp_path: Path, sources: list[str]) -> dict:
    cfg = api.load_config(_config(tmp_path, sources), {"check.output_dir": str(tmp_path / "out"),
                                                       "check.formats": ["json"]})
    return api.check(cfg, offline=True).report


def test_a_source_taken_out_of_the_config_is_no_longer_checked(tmp_path):
    for name, text in (("blog", "You can return anything within 14 days of delivery."),
                       ("news", "Our new linen collection is here.")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "post.md").write_text(f"# Post\n\n{text}\n", "utf-8")
    both = _check(tmp_path, ["blog", "news"])
    assert any("14 days" in s["text"] for f in both["findings"] for s in f["statements"])
    only_news = _check(tmp_path, ["news"])  # the same store: the blog's documents are still in it
    assert only_news["stats"]["documents"] < both["stats"]["documents"]
    assert not any("14 days" in s["text"] for f in only_news["findings"] for s in f["statements"])
