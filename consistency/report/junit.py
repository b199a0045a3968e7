"""report.junit.xml: one test case per commitment, one ``<failure>`` per finding against it.

CI dashboards (GitLab, Jenkins, Azure) read JUnit, so a broken commitment shows up like a failing
test and a kept one like a passing test. Commitments come from the report's optional top-level
``commitments`` list; without it only commitments that have findings appear. Skipped source items
are listed in the suite's ``<system-out>``: they were not checked, which is not the same as passing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar

from lxml import etree

from consistency.report.interface import Formatter

NAME_LIMIT = 120
# Characters XML 1.0 cannot carry at all (C0 controls other than tab/newline/CR, lone surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class JunitFormatter(Formatter):
    name: ClassVar[str] = "junit"
    filename: ClassVar[str] = "report.junit.xml"

    def render(self, report: Mapping[str, Any]) -> bytes:
        return etree.tostring(junit_tree(report), xml_declaration=True, encoding="UTF-8", pretty_print=True)


def junit_tree(report: Mapping[str, Any]) -> etree._Element:
    findings = list(report.get("findings", []))
    by_commitment: dict[str, list[Mapping[str, Any]]] = {}
    for f in findings:
        by_commitment.setdefault(f["statements"][0]["id"], []).append(f)
    cases: dict[str, Mapping[str, Any]] = {}
    for c in report.get("commitments", []):
        cases.setdefault(c["id"], c)
    for f in findings:  # a finding whose commitment is not listed still gets its test case
        cases.setdefault(f["statements"][0]["id"], f["statements"][0])

    n_failures = len(findings)
    counts = {"tests": str(len(cases)), "failures": str(n_failures), "errors": "0", "skipped": "0", "time": "0"}
    root = etree.Element("testsuites", name="consistency", **counts)
    suite = etree.SubElement(root, "testsuite", name="consistency", **counts)
    props = etree.SubElement(suite, "properties")
    for key, value in (("brand", report.get("brand", "")), ("generated_from", report.get("generated_from", "")),
                       ("version", report.get("tool", {}).get("version", ""))):
        etree.SubElement(props, "property", name=key, value=_xml(str(value)))
    for cid, c in cases.items():
        case = etree.SubElement(suite, "testcase", name=_xml(_truncate(c.get("text", ""))),
                                classname=_xml(c.get("url") or ""), time="0")
        for f in by_commitment.get(cid, []):
            failure = etree.SubElement(case, "failure", message=_xml(f"[{f['severity']}] {f['code']} {f['rule']}: "
                                                                     f"{f['explanation']}"), type=f["code"])
            failure.text = _xml(_details(f))
    skipped = report.get("skipped", [])
    if skipped:
        out = etree.SubElement(suite, "system-out")
        out.text = _xml("Skipped (not checked):\n" + "".join(
            f"- {s.get('item', '')} ({s.get('source', '')}): {s.get('reason', '')}\n" for s in skipped))
    return root


def _details(f: Mapping[str, Any]) -> str:
    commitment, conflict = f["statements"][0], f["statements"][1]
    lines = [f"{f['code']} {f['rule']} ({f['severity']}, score {round(float(f['score']) * 100)}%)",
             *(f.get("reasons") or [f["explanation"]]),
             f"commitment: \"{commitment['text']}\"{_where(commitment)}",
             f"conflict:   \"{conflict['text']}\"{_where(conflict)}"]
    others = (conflict.get("occurrences") or [])[1:]
    lines += [f"  also at: {o.get('url', '')}" for o in others]
    lines += [f"evidence: {e.get('label', '')}: {e.get('value', '')}" for e in f.get("evidence", [])]
    lines.append(f"finding id: {f['id']}")
    return "\n".join(lines) + "\n"


def _where(st: Mapping[str, Any]) -> str:
    place = " — ".join(p for p in (st.get("url"), st.get("title")) if p)
    return f" ({st.get('source_type', '')}, {st.get('lang', '')}) {place}".rstrip()


def _truncate(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= NAME_LIMIT else text[:NAME_LIMIT - 1] + "…"


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
