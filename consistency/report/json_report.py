"""report.json: the report dict itself, written so that the same run gives byte-identical files.

Keys are sorted, non-ASCII text stays readable (Arabic, Chinese, Korean are not \\u-escaped), and
NaN or infinite numbers are refused rather than written as invalid JSON. The file doubles as a
baseline: ``--baseline report.json`` reads its ``findings[].id``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, ClassVar

from consistency.report.interface import Formatter


class JsonFormatter(Formatter):
    name: ClassVar[str] = "json"
    filename: ClassVar[str] = "report.json"

    def render(self, report: Mapping[str, Any]) -> str:
        return json.dumps(report, sort_keys=True, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
