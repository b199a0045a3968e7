"""report.junit.xml: a test case per commitment, a failure per finding against it."""

from __future__ import annotations

from lxml import etree

from consistency.report.junit import JunitFormatter


def parse(report):
    return etree.fromstring(JunitFormatter().render(report))


def test_suite_structure_and_counts(report):
    root = parse(report)
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "consistency"
    cases = suite.findall("testcase")
    distinct_commitments = {c["id"] for c in report["commitments"]}
    assert len(cases) == len(distinct_commitments) == int(suite.get("tests")) == int(root.get("tests"))
    assert len(suite.findall("testcase/failure")) == len(report["findings"]) == int(suite.get("failures"))


def test_each_finding_is_a_failure_on_its_commitment(report):
    suite = parse(report).find("testsuite")
    case = next(c for c in suite.findall("testcase") if c.get("name") == "Free returns within 30 days of delivery.")
    assert case.get("classname") == "https://www.northwind.example/returns/"
    (failure,) = case.findall("failure")
    assert failure.get("type") == "C102"
    assert failure.get("message") == "[error] C102 duration-conflict: return window: 30 days vs 14 days"
    assert "يمكنك إرجاع المنتجات خلال 14 يومًا من الاستلام." in failure.text
    assert "https://www.northwind.example/ar/faq/" in failure.text  # a further place it appears
    assert "F-0000000000000001" in failure.text


def test_commitments_without_findings_pass(report):
    suite = parse(report).find("testsuite")
    kept = next(c for c in suite.findall("testcase") if c.get("name") == "Gift wrapping is free on every order.")
    assert len(kept) == 0  # no failure, error or skipped child: a passing test


def test_long_commitment_names_are_cut_to_120_characters(report):
    names = [c.get("name") for c in parse(report).iter("testcase")]
    long_name = next(n for n in names if n.startswith("Lifetime repairs"))
    assert len(long_name) == 120 and long_name.endswith("…")


def test_without_a_commitments_list_only_commitments_with_findings_appear(report):
    del report["commitments"]
    suite = parse(report).find("testsuite")
    cases = suite.findall("testcase")
    assert len(cases) == len({f["statements"][0]["id"] for f in report["findings"]})
    assert all(len(c.findall("failure")) >= 1 for c in cases)


def test_characters_xml_cannot_carry_do_not_break_the_file(make_report):
    def edit(findings):
        findings[0]["statements"][0]["text"] = "Bell \x07 and form feed \x0c in a commitment"
        findings[0]["explanation"] = "null \x00 byte"
    root = parse(make_report(edit))
    assert any("Bell \ufffd and form feed" in (c.get("name") or "") for c in root.iter("testcase"))


def test_skipped_items_are_listed_not_counted_as_tests(report):
    out = parse(report).find("testsuite/system-out").text
    assert "size-guide.pdf" in out and "content type application/pdf is not HTML" in out
