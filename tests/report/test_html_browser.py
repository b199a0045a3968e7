"""report.html in a real browser: the filter script runs under the page's own CSP and filters the cards.

Headless Chromium loads a small harness page that holds the report, untouched, in iframes (one
desktop-wide, one phone-wide), drives the filter form like a reader would, and writes what it saw
into the DOM, which ``--dump-dom`` prints. Needs Debian's ``chromium``; skipped without it.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from consistency.report.interface import write_reports

CHROMIUM = shutil.which("chromium") or shutil.which("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs headless Chromium at /usr/bin/chromium "
                                                         "(apt-get install chromium)")

HARNESS = """<!DOCTYPE html><html><body><pre id="out">pending</pre>
<iframe id="desk" src="report.html" width="1280" height="900"></iframe>
<iframe id="phone" src="report.html" width="390" height="900"></iframe>
<script>
var loaded = 0;
function run() {
  var out = {};
  try {
    var w = document.getElementById("desk").contentWindow, d = w.document, form = d.getElementById("filters");
    var state = function () {
      return {shown: d.getElementById("shown-count").textContent,
              noMatch: !d.getElementById("no-match").hidden,
              visible: Array.prototype.filter.call(d.querySelectorAll("article.finding"),
                                                    function (c) { return !c.hidden; })
                                     .map(function (c) { return c.id; })};
    };
    var set = function (name, value) {
      var el = form.elements[name];
      if (el.type === "checkbox") { el.checked = value; } else { el.value = value; }
      el.dispatchEvent(new w.Event(el.type === "search" ? "input" : "change", {bubbles: true}));
    };
    out.formVisible = !form.hidden;
    out.initial = state();
    set("lang", "ar"); out.arabic = state(); set("lang", "");
    form.querySelector("input[value='error']").checked = false;
    form.querySelector("input[value='error']").dispatchEvent(new w.Event("change", {bubbles: true}));
    out.noErrors = state(); form.querySelector("input[value='error']").click();
    set("q", "75美元"); out.search = state();
    set("q", "ZZZ-NOTHING"); out.nothing = state(); set("q", "");
    set("rule", "C102"); set("channel", "site"); out.ruleAndChannel = state();
    form.reset();
    out.pwned = window.pwned || null;
    var sides = function (frame) {
      var card = frame.contentWindow.document.querySelector("article.finding");
      var s = card.querySelectorAll("section.side");
      return [s[0].getBoundingClientRect().top, s[0].getBoundingClientRect().bottom, s[1].getBoundingClientRect().top];
    };
    out.deskSides = sides(document.getElementById("desk"));
    out.phoneSides = sides(document.getElementById("phone"));
    out.phoneScrollWidth = document.getElementById("phone").contentWindow.document.documentElement.scrollWidth;
  } catch (e) { out.error = String(e); }
  setTimeout(function () {
    out.afterReset = state();
    document.getElementById("out").textContent = JSON.stringify(out);
  }, 50);
}
Array.prototype.forEach.call(document.querySelectorAll("iframe"), function (f) {
  f.addEventListener("load", function () { loaded += 1; if (loaded === 2) { run(); } });
});
</script></body></html>
"""


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120, check=True)


@pytest.fixture
def browsed(make_report, tmp_path):
    def edit(findings):  # script that would tell the harness if it ever ran
        findings[4]["statements"][1]["text"] += ' <img src=x onerror="parent.pwned=1"><script>parent.pwned=2</script>'
    write_reports(make_report(edit), tmp_path, ["html"])
    (tmp_path / "harness.html").write_text(HARNESS, "utf-8")
    dom = chromium("--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom",
                   (tmp_path / "harness.html").as_uri(), profile=tmp_path / "profile").stdout
    match = re.search(r'<pre id="out">(.*?)</pre>', dom, re.S)
    assert match, dom[:2000]
    return json.loads(html.unescape(match.group(1)))


def test_filters_work_in_a_real_browser(browsed, report):
    all_ids = [f["id"] for f in report["findings"]]
    assert "error" not in browsed, browsed.get("error")
    assert browsed["formVisible"]  # the script ran: the page's CSP allowed it
    assert browsed["initial"] == {"shown": "8", "noMatch": False, "visible": all_ids}
    assert browsed["arabic"]["visible"] == ["F-0000000000000001", "F-0000000000000006"]
    assert browsed["arabic"]["shown"] == "2"
    assert browsed["noErrors"]["visible"] == [f["id"] for f in report["findings"] if f["severity"] != "error"]
    assert browsed["search"]["visible"] == ["F-0000000000000003"]
    assert browsed["nothing"] == {"shown": "0", "noMatch": True, "visible": []}
    assert browsed["ruleAndChannel"]["visible"] == ["F-0000000000000001"]
    assert browsed["afterReset"]["visible"] == all_ids


def test_hostile_markup_never_runs(browsed):
    assert browsed["pwned"] is None


def test_pair_is_side_by_side_on_desktop_and_stacked_on_a_phone(browsed):
    commit_top, _, conflict_top = browsed["deskSides"]
    assert conflict_top == commit_top
    _, commit_bottom, conflict_top = browsed["phoneSides"]
    assert conflict_top > commit_bottom
    assert browsed["phoneScrollWidth"] <= 390  # nothing forces sideways scrolling on a phone


def test_screenshot(report, tmp_path):
    (page,) = write_reports(report, tmp_path, ["html"])
    png = tmp_path / "report.png"
    chromium("--hide-scrollbars", f"--screenshot={png}", "--window-size=1280,2000", page.as_uri(),
             profile=tmp_path / "profile")
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1280, 2000)
