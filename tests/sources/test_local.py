import pytest

from consistency.sources.local import LocalFolderFetcher
from consistency.sources.net import FetchError


@pytest.fixture()
def site(tmp_path):
    (tmp_path / "returns").mkdir()
    (tmp_path / "index.html").write_text("<html><body><p>Home</p></body></html>")
    (tmp_path / "returns" / "index.html").write_text("<p>Free returns within 30 days.</p>")
    (tmp_path / "robots.txt").write_text("User-agent: *\nDisallow: /internal/\n")
    (tmp_path / "guide.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path.parent / "secret.txt").write_text("outside the mirror")
    return LocalFolderFetcher(tmp_path, "https://www.brand.example/")


def test_pages_robots_and_content_types_come_from_the_folder(site):
    home = site.get("https://www.brand.example/")
    assert home.status == 200 and home.headers["content-type"].startswith("text/html") and b"Home" in home.body
    assert site.get("https://www.brand.example/returns/").body.startswith(b"<p>Free returns")
    assert b"Disallow" in site.get("https://www.brand.example/robots.txt").body
    assert site.get("https://www.brand.example/guide.pdf").headers["content-type"] == "application/pdf"


def test_a_folder_without_slash_redirects_and_missing_files_are_404(site):
    r = site.get("https://www.brand.example/returns")
    assert r.status == 301 and r.headers["location"] == "/returns/"
    assert site.get("https://www.brand.example/nope.html").status == 404


def test_nothing_outside_the_folder_or_the_host_is_served(site):
    assert site.get("https://www.brand.example/../secret.txt").status == 404
    assert site.get("https://www.brand.example/%2e%2e/secret.txt").status == 404
    with pytest.raises(FetchError):
        site.get("https://evil.example/")


def test_body_is_cut_at_max_bytes(site):
    r = site.get("https://www.brand.example/returns/", max_bytes=5)
    assert r.truncated and len(r.body) == 5
