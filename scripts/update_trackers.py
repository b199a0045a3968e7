"""Regenerate consistency/deeds/data/third_party_web.json from the npm package `third-party-web`.

    python scripts/update_trackers.py [VERSION]

Needs `npm` (the registry only; nothing else is fetched). The list is maintained upstream
(MIT, Patrick Hulce); we keep name, company, category and domains of every entity.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "consistency" / "deeds" / "data"


def main(version: str = "0.30.0") -> int:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", f"third-party-web@{version}"], cwd=tmp, check=True, capture_output=True)
        with tarfile.open(next(Path(tmp).glob("third-party-web-*.tgz"))) as tar:
            tar.extractall(tmp, filter="data")
        pkg = Path(tmp) / "package"
        entities = json.loads((pkg / "dist" / "entities.json").read_text("utf-8"))
        (OUT / "THIRD_PARTY_WEB_LICENSE").write_text((pkg / "LICENSE").read_text("utf-8"), "utf-8")
    body = {
        "source": f"npm package third-party-web {version} (dist/entities.json), "
                  "https://github.com/patrickhulce/third-party-web",
        "licence": "MIT, Copyright (c) 2019 Patrick Hulce (see THIRD_PARTY_WEB_LICENSE)",
        "regenerate": "python scripts/update_trackers.py",
        "entities": [{"name": e["name"], "company": e.get("company", ""), "category": e["category"],
                      "domains": e["domains"]} for e in entities],
    }
    (OUT / "third_party_web.json").write_text(
        json.dumps(body, ensure_ascii=False, separators=(",", ":"), sort_keys=True), "utf-8")
    print(f"wrote {len(entities)} entities", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))
