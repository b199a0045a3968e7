"""report.sarif: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One result per finding. Its location is the conflicting statement (that is what a writer must
change); the commitment it breaks is a related location, linked from the message. GitHub needs a
``startLine`` on file locations, so a draft or local file without a known line points at line 1;
web pages and mails keep their URL as the artifact URI and the statement's character offsets into
the page's clean text. ``partialFingerprints`` carry the stable finding id so GitHub tracks an
alert across runs even when the page around it changes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any, ClassVar
from urllib.parse import quote, urlsplit

from consistency.report.interface import Formatter

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "consistencyFindingId/v1"
LEVELS = {"error": "error", "warning": "warning", "note": "note"}
# Rule families by code prefix (see consistency/rules.py): tags let code scanning filter them.
FAMILY_TAGS = {"C1": "typed-value-conflict", "C2": "cue-conflict", "C3": "model-judgement", "D1": "words-vs-deeds"}
_URI_SAFE = "/:?#[]@!$&'()*+,;=%~"  # reserved and already-escaped characters stay as they are


class SarifFormatter(Formatter):
    name: ClassVar[str] = "sarif"
    filename: ClassVar[str] = "report.sarif"

    def render(self, report: Mapping[str, Any]) -> str:
        return json.dumps(sarif_log(report), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def sarif_log(report: Mapping[str, Any]) -> dict[str, Any]:
    """The SARIF log as a dict (one run)."""
    findings = list(report.get("findings", []))
    rules = _rules(report.get("rules", []), findings)
    index = {r["id"]: i for i, r in enumerate(rules)}
    tool = report.get("tool", {})
    driver: dict[str, Any] = {"name": tool.get("name", "consistency"), "rules": rules}
    if tool.get("version"):
        driver["version"] = str(tool["version"])
    if tool.get("informationUri"):
        driver["informationUri"] = tool["informationUri"]
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [_invocation(report.get("skipped", []))],
        # Offsets and columns come from Python strings, which count code points, not UTF-16 units.
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f["code"]]) for f in findings],
        "properties": {"brand": report.get("brand", ""), "generatedFrom": report.get("generated_from", "")},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _rules(rules: list[Mapping[str, Any]], findings: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Every rule of the report (so ruleIndex is stable), plus any code a finding uses that is not listed."""
    out = [_rule(r) for r in rules]
    known = {r["code"] for r in rules}
    for f in findings:
        if f["code"] not in known:
            known.add(f["code"])
            out.append(_rule({"code": f["code"], "name": f.get("rule", f["code"]), "summary": f.get("rule", ""),
                              "severity": f.get("severity", "warning")}))
    return out


def _rule(r: Mapping[str, Any]) -> dict[str, Any]:
    summary = r.get("summary") or r["name"]
    level = LEVELS.get(r.get("severity", ""), "warning")
    help_text, help_md = summary, summary
    example = r.get("example") or ()
    if len(example) == 2:
        help_text += (f"\n\nExample of a contradiction:\n  Commitment: \"{example[0]}\"\n"
                      f"  Conflicting statement: \"{example[1]}\"")
        help_md += (f"\n\n**Example of a contradiction**\n\n- Commitment: \"{example[0]}\"\n"
                    f"- Conflicting statement: \"{example[1]}\"")
    tags = ["consistency", *([FAMILY_TAGS[r["code"][:2]]] if r["code"][:2] in FAMILY_TAGS else [])]
    return {
        "id": r["code"],
        "name": r["name"],
        "shortDescription": {"text": summary},
        "fullDescription": {"text": f"{summary} Default severity: {level}."},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": level},
        "properties": {"tags": tags},
    }


def _result(f: Mapping[str, Any], rule_index: int) -> dict[str, Any]:
    commitment, conflict = f["statements"][0], f["statements"][1]
    message = (f"{_escape(f['explanation'])} — \"{_escape(conflict['text'])}\" contradicts the "
               f"[commitment](1) \"{_escape(commitment['text'])}\"")
    related = {"id": 1, "message": {"text": f"Commitment: \"{_escape(commitment['text'])}\""}}
    related.update(_location(commitment))
    return {
        "ruleId": f["code"],
        "ruleIndex": rule_index,
        "level": LEVELS.get(f["severity"], "warning"),
        "message": {"text": message},
        "locations": [_location(conflict)],
        "relatedLocations": [related],
        "partialFingerprints": {FINGERPRINT_KEY: f["id"]},
        "properties": {
            "findingId": f["id"],
            "score": f["score"],
            "new": bool(f.get("new", True)),
            "reasons": list(f.get("reasons", [])),
            "commitment": commitment["text"],
            "conflict": conflict["text"],
            "channel": conflict.get("source_type", ""),
            "language": conflict.get("lang", ""),
            "occurrences": len(conflict.get("occurrences") or [conflict]),
        },
    }


def _location(st: Mapping[str, Any]) -> dict[str, Any]:
    uri, is_file = artifact_uri(str(st.get("url") or ""))
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    region = _region(st, is_file)
    if region:
        physical["region"] = region
    return {"physicalLocation": physical}


def _region(st: Mapping[str, Any], is_file: bool) -> dict[str, Any]:
    """Line and column when the statement knows them; else offsets for pages, line 1 for files."""
    line, column, start, end = st.get("line"), st.get("column"), st.get("start"), st.get("end")
    region: dict[str, Any]
    if _count(line, 1):
        region = {"startLine": line}
        if _count(column, 1):
            region["startColumn"] = column
    elif is_file:
        region = {"startLine": 1}  # GitHub rejects file results without a line; offsets alone are not enough
    elif _count(start, 0) and _count(end, start):
        region = {"charOffset": start, "charLength": end - start}
    else:
        return {}
    if st.get("text"):
        region["snippet"] = {"text": st["text"]}
    return region


def _count(value: Any, minimum: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= minimum


def artifact_uri(url: str) -> tuple[str, bool]:
    """``(uri, is_file)`` for a statement's url: URIs (web, ``mid:`` mail) as they are, paths repo-relative.

    A path under the working directory (a CI checkout) becomes relative, which is what code
    scanning matches against the repository; another absolute path becomes a ``file://`` URI. A
    ``#fragment`` on a path (``consistency.toml#commitments[0]``) names a place inside the file, not
    a file, and is dropped.
    """
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:  # e.g. an unbalanced "[" in the host part: keep it as text, escaped
        scheme = ""
    if len(scheme) > 1:  # one letter is a Windows drive ("C:\\..."), not a scheme
        return quote(url, safe=_URI_SAFE), scheme == "file"
    path = url.split("#", 1)[0] or url
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_uri(), True
    return quote(PurePosixPath(*p.parts).as_posix(), safe=_URI_SAFE), True


def _escape(text: str) -> str:
    """Crawled text inside a SARIF message: literal brackets must not read as embedded links."""
    return text.replace("[", "\\[").replace("]", "\\]")


def _invocation(skipped: list[Mapping[str, Any]]) -> dict[str, Any]:
    """Skipped items become tool notifications: the run went on, but these were not checked."""
    return {
        "executionSuccessful": True,
        "toolExecutionNotifications": [
            {"level": "warning", "descriptor": {"id": "skipped"},
             "message": {"text": f"skipped {s.get('item', '')} ({s.get('source', '')}): {s.get('reason', '')}"}}
            for s in skipped
        ],
    }
