"""The command line: parse flags, call ``consistency.api``, map errors to exit codes.

Exit codes: 0 = ran, nothing at or above --fail-on; 1 = new findings at or above it;
2 = usage, config or input error (the message says how to fix it).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from consistency import __version__
from consistency.errors import ConsistencyError


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("config", help="consistency.toml, a pyproject.toml with [tool.consistency], or their folder")
    p.add_argument("--store", help="SQLite store path (default: store.path from the config)")
    p.add_argument("--offline", action="store_true", help="never touch the network (local sources only)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bars")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="consistency", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"consistency {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("crawl", help="collect every configured source into the store")
    _add_common(p)

    p = sub.add_parser("statements", help="list the stored statements as JSON Lines")
    _add_common(p)
    p.add_argument("--output", "-o", help="write to FILE instead of stdout")
    p.add_argument("--no-crawl", action="store_true", help="use the store as it is; do not collect first")
    p.add_argument("--all", action="store_true", help="include repeats of site-wide boilerplate sentences")

    p = sub.add_parser("compare", help="judge whether two statements contradict")
    p.add_argument("a", nargs="?", help="first statement")
    p.add_argument("b", nargs="?", help="second statement")
    p.add_argument("--pairs", help="JSON Lines input with id, a, b on each line")
    p.add_argument("--output", "-o", help="write JSON Lines here instead of stdout (with --pairs)")
    p.add_argument("--config", help="optional config (judge settings)")

    p = sub.add_parser("check", help="collect, judge and report; exit 1 on new findings at or above --fail-on")
    _add_common(p)
    p.add_argument("--output-dir", help="where to write reports (default: reports/<brand-slug>/)")
    p.add_argument("--format", help="comma list of html,json,sarif,junit (default: html,json)")
    p.add_argument("--fail-on", choices=["error", "warning", "note", "never"])
    p.add_argument("--baseline", help="findings in this file are not new")
    p.add_argument("--write-baseline", help="write the current findings as a baseline file")
    p.add_argument("--draft", nargs="+", metavar="PATH", help="check these draft files against the store")
    p.add_argument("--no-crawl", action="store_true", help="use the store as it is; do not collect")
    p.add_argument("--workers", type=int, default=1, help="processes for CPU-bound stages")
    p.add_argument("--executor", choices=["local", "dask"], default="local",
                   help="run CPU-bound stages locally or on a Dask cluster")
    p.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://host:8786 (with --executor dask)")

    p = sub.add_parser("train", help="train the pair classifier (writes the packaged artifact)")
    p.add_argument("--output", help="artifact folder (default: the package's judge/model)")
    p.add_argument("--nli-dir", help="folder of the public NLI files (default: ../shared/data/nli)")

    p = sub.add_parser("eval", help="quality figures of the judge on the held-out pairs")
    p.add_argument("--json", action="store_true")
    return parser


def _overrides(args: argparse.Namespace) -> dict[str, object]:
    out: dict[str, object] = {"store.path": getattr(args, "store", None)}
    if getattr(args, "format", None):
        out["check.formats"] = [f.strip() for f in args.format.split(",") if f.strip()]
    out["check.fail_on"] = getattr(args, "fail_on", None)
    out["check.output_dir"] = getattr(args, "output_dir", None)
    out["check.baseline"] = getattr(args, "baseline", None)
    return out


def _observer(args: argparse.Namespace):  # noqa: ANN202
    from consistency.progress import QUIET, TqdmObserver

    return QUIET if getattr(args, "quiet", False) else TqdmObserver()


def _open(path: str | None):  # noqa: ANN202
    if not path:
        return sys.stdout
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return open(path, "w", encoding="utf-8")


def _cmd_crawl(args: argparse.Namespace) -> int:
    from consistency import api

    cfg = api.load_config(args.config, _overrides(args))
    summary = api.crawl(cfg, observer=_observer(args), offline=args.offline)
    print(summary.render(), file=sys.stderr)
    return 0


def _cmd_statements(args: argparse.Namespace) -> int:
    from consistency import api

    cfg = api.load_config(args.config, _overrides(args))
    if not args.no_crawl:
        summary = api.crawl(cfg, observer=_observer(args), offline=args.offline)
        print(summary.render(), file=sys.stderr)
    out = _open(args.output)
    try:
        for st in api.statements(cfg, include_repeats=args.all):
            out.write(json.dumps(st, ensure_ascii=False, sort_keys=True) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    from consistency import api
    from consistency.errors import InputError

    judge = api.load_judge(api.load_config(args.config) if args.config else None)
    if args.pairs:
        out = _open(args.output)
        try:
            for row in api.compare_pairs_file(args.pairs, judge):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        finally:
            if out is not sys.stdout:
                out.close()
        return 0
    if args.a is None or args.b is None:
        raise InputError("compare needs two statements or --pairs FILE",
                         'run: consistency compare "We never sell your data." "We sell data to partners."')
    verdict = judge.judge_texts(args.a, args.b)
    d = verdict.to_dict()
    print(json.dumps({k: d[k] for k in ("contradiction", "score", "code", "rule", "reasons", "spans_a", "spans_b")},
                     ensure_ascii=False))
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from consistency import api

    cfg = api.load_config(args.config, _overrides(args))
    result = api.check(
        cfg,
        observer=_observer(args),
        offline=args.offline,
        collect=not (args.no_crawl or args.draft),
        drafts=args.draft or (),
        write_baseline=args.write_baseline,
        workers=args.workers,
        executor=args.executor,
        scheduler=args.scheduler,
    )
    print(result.summary(), file=sys.stderr)
    return result.exit_code


def _cmd_train(args: argparse.Namespace) -> int:
    from consistency.judge import train

    return train.main([*(["--output", args.output] if args.output else []),
                       *(["--nli-dir", args.nli_dir] if args.nli_dir else [])])


def _cmd_eval(args: argparse.Namespace) -> int:
    from consistency.judge import evaluate

    return evaluate.main(["--json"] if args.json else [])


COMMANDS = {
    "crawl": _cmd_crawl,
    "statements": _cmd_statements,
    "compare": _cmd_compare,
    "check": _cmd_check,
    "train": _cmd_train,
    "eval": _cmd_eval,
}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ConsistencyError as exc:
        print(f"consistency: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("consistency: interrupted; what was collected so far is kept in the store", file=sys.stderr)
        return 130
