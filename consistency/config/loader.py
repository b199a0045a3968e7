"""Layered configuration: packaged defaults -> project file -> command-line overrides.

Validation is strict because a typo in a config silently changes what a CI gate checks:
an unknown key, a wrong type or a missing file is a ``ConfigError`` (exit code 2) that
names the key and suggests the fix.
"""

from __future__ import annotations

import copy
import difflib
import glob as globmod
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from consistency.errors import ConfigError

# Types of every known key. A tuple means "any of"; a list type means list[str].
_CRAWL_KEYS: dict[str, Any] = {
    "user_agent": str,
    "delay": float,
    "max_pages": int,
    "max_bytes": int,
    "max_seconds": float,
    "timeout": float,
    "respect_robots": bool,
    "sitemaps": bool,
}

SCHEMA: dict[str, dict[str, Any]] = {
    "brand": {"name": str, "url": str},
    "store": {"path": str},
    "crawl": _CRAWL_KEYS,
    "statements": {
        "min_chars": int,
        "boilerplate_share": float,
        "boilerplate_min_docs": int,
        "commitment_threshold": float,
    },
    "embed": {"model": str, "batch_size": int},
    "pairing": {"top_k": int, "min_similarity": float},
    "judge": {"threshold": float, "cross_encoder": str, "rates": dict},
    "check": {"formats": list, "fail_on": str, "output_dir": str, "suppress": list, "baseline": str},
    "deeds": {"checks": list, "first_party_hosts": list, "tracker_hosts": list, "severity": dict},
}

_COMMON_SOURCE_KEYS = {"type": str, "name": str}
SOURCE_SCHEMA: dict[str, dict[str, Any]] = {
    "site": {
        **_CRAWL_KEYS,
        "url": str,
        "allow_hosts": list,
        "include": list,
        "exclude": list,
        "local_root": str,
    },
    "feed": {**_CRAWL_KEYS, "url": str, "path": str, "follow_links": bool, "allow_hosts": list},
    "mail": {"path": str},
    "social": {"path": str, "platform": str, "fields": dict},
    "files": {"path": str},
}
REQUIRED_SOURCE_KEYS = {"site": ("url",), "mail": ("path",), "social": ("path",), "files": ("path",)}
COMMITMENT_KEYS = {"text": str, "lang": str, "url": str, "urls": list}
FAIL_ON = ("error", "warning", "note", "never")
DEED_PREFIX = "D1"  # the words-versus-deeds rule codes in consistency.rules


@dataclass(frozen=True, slots=True)
class Config:
    """A validated configuration. ``data`` has every default filled in; paths are absolute."""

    data: dict[str, Any]
    path: Path | None  # the config file, None for defaults only
    base_dir: Path

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    @property
    def brand(self) -> str:
        return str(self.data["brand"]["name"])

    @property
    def sources(self) -> list[dict[str, Any]]:
        return self.data["sources"]

    @property
    def commitments(self) -> list[dict[str, Any]]:
        return self.data["commitments"]


def _defaults() -> dict[str, Any]:
    text = resources.files("consistency.config").joinpath("defaults.toml").read_text("utf-8")
    data = tomllib.loads(text)
    data.setdefault("sources", [])
    data.setdefault("commitments", [])
    return data


def _did_you_mean(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else f"valid keys: {', '.join(sorted(choices))}"


def _type_name(t: Any) -> str:
    return {str: "a string", int: "an integer", float: "a number", bool: "true or false",
            list: "a list of strings", dict: "a table"}[t]


def _check_value(where: str, value: Any, t: Any) -> Any:
    ok = (
        (t is float and isinstance(value, (int, float)) and not isinstance(value, bool))
        or (t is int and isinstance(value, int) and not isinstance(value, bool))
        or (t is list and isinstance(value, list) and all(isinstance(v, str) for v in value))
        or (t not in (float, int, list) and isinstance(value, t))
    )
    if not ok:
        raise ConfigError(f"`{where}` must be {_type_name(t)}, got {value!r}",
                          f"write it as {_type_name(t)} in the config")
    return float(value) if t is float else value


def _check_table(where: str, table: Mapping[str, Any], schema: Mapping[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in table.items():
        if key not in schema:
            raise ConfigError(f"unknown key `{where}.{key}`", _did_you_mean(key, schema))
        out[key] = _check_value(f"{where}.{key}", value, schema[key])
    return out


def _resolve(base: Path, path: str) -> str:
    return str((base / Path(path).expanduser()).resolve()) if path else path


def _check_source(i: int, src: Any, base: Path, crawl: Mapping[str, Any]) -> dict[str, Any]:
    where = f"sources[{i}]"
    if not isinstance(src, Mapping):
        raise ConfigError(f"`{where}` must be a table", "write each source as a [[sources]] table")
    kind = src.get("type")
    if kind not in SOURCE_SCHEMA:
        hint = _did_you_mean(str(kind), SOURCE_SCHEMA) if kind else "add type = \"site\" (or feed, mail, social, files)"
        raise ConfigError(f"`{where}.type` is {kind!r}, which is not a source type", hint)
    schema = {**_COMMON_SOURCE_KEYS, **SOURCE_SCHEMA[kind]}
    out = _check_table(where, src, schema)
    for key in REQUIRED_SOURCE_KEYS.get(kind, ()):
        if not out.get(key):
            raise ConfigError(f"`{where}` ({kind}) needs `{key}`", f"add {key} = \"...\" to that [[sources]] table")
    if kind == "feed" and not (out.get("url") or out.get("path")):
        raise ConfigError(f"`{where}` (feed) needs `url` or `path`", "add url = \"https://.../feed.xml\"")
    if kind in ("site", "feed"):
        out = {**{k: v for k, v in crawl.items()}, **out}
    for key in ("url",):
        if out.get(key) and not str(out[key]).startswith(("http://", "https://")):
            raise ConfigError(f"`{where}.url` must start with http:// or https://, got {out[key]!r}",
                              "write the full address, e.g. url = \"https://www.example.com/\"")
    for key in ("path", "local_root"):
        if out.get(key):
            out[key] = _resolve(base, out[key])
            if kind != "files" or not globmod.has_magic(out[key]):
                if not Path(out[key]).exists():
                    raise ConfigError(f"`{where}.{key}`: {out[key]} does not exist",
                                      "fix the path; relative paths resolve against the config file's folder")
    return out


def _merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), dict) and key not in ("rates", "severity"):
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _read_file(path: Path) -> dict[str, Any]:
    if not path.exists():
        raise ConfigError(f"config file {path} does not exist", "pass the path of a consistency.toml")
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}", "fix the syntax at the line shown") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("consistency")
        if data is None:
            raise ConfigError(f"{path} has no [tool.consistency] table", "add one, or pass a consistency.toml")
    return data


def validate(raw: Mapping[str, Any], base_dir: Path) -> dict[str, Any]:
    """Validate a merged config dict and return it with paths resolved."""
    allowed = set(SCHEMA) | {"sources", "commitments"}
    for key in raw:
        if key not in allowed:
            raise ConfigError(f"unknown section `{key}`", _did_you_mean(key, allowed))
    data: dict[str, Any] = {}
    for section, schema in SCHEMA.items():
        table = raw.get(section, {})
        if not isinstance(table, Mapping):
            raise ConfigError(f"`{section}` must be a table", f"write it as [{section}]")
        data[section] = _check_table(section, table, schema)
    crawl = data["crawl"]
    sources = raw.get("sources", [])
    if not isinstance(sources, list):
        raise ConfigError("`sources` must be an array of tables", "write each source as [[sources]]")
    data["sources"] = [_check_source(i, s, base_dir, crawl) for i, s in enumerate(sources)]
    commitments = raw.get("commitments", [])
    if not isinstance(commitments, list):
        raise ConfigError("`commitments` must be an array of tables",
                          "write [[commitments]] with text = \"...\" or urls = [\"*/privacy*\"]")
    data["commitments"] = []
    for i, c in enumerate(commitments):
        if not isinstance(c, Mapping):
            raise ConfigError(f"`commitments[{i}]` must be a table", "write it as [[commitments]]")
        entry = _check_table(f"commitments[{i}]", c, COMMITMENT_KEYS)
        if not entry.get("text") and not entry.get("urls"):
            raise ConfigError(f"`commitments[{i}]` needs `text` or `urls`",
                              "text = \"We never sell your data.\" or urls = [\"*/privacy*\"]")
        data["commitments"].append(entry)
    check = data["check"]
    if check["fail_on"] not in FAIL_ON:
        raise ConfigError(f"`check.fail_on` is {check['fail_on']!r}", _one_of(check["fail_on"], FAIL_ON))
    check_deeds_table(data["deeds"])
    _check_formats(check["formats"])
    data["store"]["path"] = _resolve(base_dir, data["store"]["path"])
    if check.get("baseline"):
        check["baseline"] = _resolve(base_dir, check["baseline"])
    return data


def _one_of(value: Any, choices: Any) -> str:
    close = difflib.get_close_matches(str(value), list(choices), n=1, cutoff=0.6)
    return (f"did you mean `{close[0]}`? " if close else "") + f"use one of {', '.join(choices)}"


def _check_formats(names: list[str]) -> None:
    """Report format names, checked when the config loads rather than after a crawl."""
    from consistency.report.registry import FORMATTERS, formatter_for

    for name in names:
        if name not in FORMATTERS:
            formatter_for(name)  # raises the ConfigError that lists the formats, with a did-you-mean


def check_deeds_table(table: Mapping[str, Any]) -> None:
    """The values of a ``[deeds]`` table: known check codes and severities (keys and types are checked above).

    Checked when the config loads, so a typo stops ``crawl`` before it fetches anything.
    """
    from consistency.rules import RULES, SEVERITIES

    codes = tuple(code for code in RULES if code.startswith(DEED_PREFIX))
    for code in table.get("checks", ()):
        if code not in codes:
            raise ConfigError(f"`deeds.checks` has {code!r}, which is not a deeds check", _one_of(code, codes))
    for code, level in table.get("severity", {}).items():
        if code not in codes:
            raise ConfigError(f"`deeds.severity` has {code!r}, which is not a deeds check", _one_of(code, codes))
        if level not in SEVERITIES:
            raise ConfigError(f"`deeds.severity.{code}` is {level!r}", _one_of(level, SEVERITIES))


def _set_dotted(data: dict[str, Any], dotted: str, value: Any) -> None:
    parts = dotted.split(".")
    node = data
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value


def load_config(path: str | Path | None = None, overrides: Mapping[str, Any] | None = None) -> Config:
    """Load ``path`` (a consistency.toml or pyproject.toml) over the packaged defaults.

    ``overrides`` maps dotted keys (``"check.fail_on"``) to values, as command-line flags do.
    """
    raw = _defaults()
    cfg_path = None
    base_dir = Path.cwd()
    if path is not None:
        cfg_path = Path(path).expanduser().resolve()
        if cfg_path.is_dir():
            for name in ("consistency.toml", "pyproject.toml"):
                if (cfg_path / name).exists():
                    cfg_path = cfg_path / name
                    break
        raw = _merge(raw, _read_file(cfg_path))
        base_dir = cfg_path.parent
    for dotted, value in (overrides or {}).items():
        if value is not None:
            _set_dotted(raw, dotted, value)
    return Config(data=validate(raw, base_dir), path=cfg_path, base_dir=base_dir)
