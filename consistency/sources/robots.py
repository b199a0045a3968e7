"""robots.txt as RFC 9309 reads it, for the tool's own user agent.

A small parser rather than ``urllib.robotparser`` because the standard library takes the first
matching rule instead of the longest, and ignores the ``*`` and ``$`` wildcards that most real
robots.txt files use; either mistake makes the crawler fetch pages the site asked it not to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """The rules of one host for one user agent.

    ``rules`` holds (allow, pattern) pairs; ``refusal`` is set when the whole host is off limits
    (robots.txt answered 5xx or could not be fetched) and says why.
    """

    rules: tuple[tuple[bool, str], ...] = ()
    crawl_delay: float | None = None
    sitemaps: tuple[str, ...] = ()
    refusal: str | None = None

    def allowed(self, url: str) -> bool:
        """Longest matching pattern wins; on a tie, allow wins; no match allows."""
        if self.refusal is not None:
            return False
        parts = urlsplit(url)
        path = parts.path or "/"
        if path == "/robots.txt":
            return True
        target = unquote(path + ("?" + parts.query if parts.query else ""))
        best_len = -1
        best_allow = True
        for allow, pattern in self.rules:
            if _matches(pattern, target) and (len(pattern) > best_len or (len(pattern) == best_len and allow)):
                best_len, best_allow = len(pattern), allow
        return best_allow


ALLOW_ALL = RobotsRules()


def _matches(pattern: str, target: str) -> bool:
    return _compile(pattern).match(target) is not None


_CACHE: dict[str, re.Pattern[str]] = {}


def _compile(pattern: str) -> re.Pattern[str]:
    compiled = _CACHE.get(pattern)
    if compiled is None:
        anchored = pattern.endswith("$")
        body = unquote(pattern[:-1] if anchored else pattern)
        regex = ".*".join(re.escape(piece) for piece in body.split("*"))
        compiled = re.compile(regex + ("$" if anchored else ""), re.DOTALL)
        if len(_CACHE) < 10_000:
            _CACHE[pattern] = compiled
    return compiled


_COMPATIBLE = re.compile(r"^mozilla/\S*\s*\([^)]*?\bcompatible;\s*([a-z0-9_-]+)", re.IGNORECASE)


def product_token(user_agent: str) -> str:
    """The name robots.txt groups are matched against: "consistency" of "consistency/0.1 (+...)".

    A browser-style string names the crawler after "compatible;", as Googlebot's does:
    "Mozilla/5.0 (compatible; AcmeAudit/1.0; +https://acme.example/bot)" is "acmeaudit", not "mozilla".
    """
    compatible = _COMPATIBLE.match(user_agent.strip())
    if compatible:
        return compatible.group(1).lower()
    token = re.split(r"[/\s]", user_agent.strip(), maxsplit=1)[0]
    return token.lower()


def parse_robots(text: str, user_agent: str) -> RobotsRules:
    """The rules that apply to ``user_agent``: its own groups if any name it, else the "*" groups.

    Groups naming the same agent are merged, as RFC 9309 asks. ``Sitemap`` lines apply to
    every agent. Lines the parser does not know are ignored.
    """
    token = product_token(user_agent)
    groups: list[tuple[list[str], list[tuple[bool, str]], list[float]]] = []
    sitemaps: list[str] = []
    in_agents = False
    for raw_line in text.splitlines():
        line = raw_line.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        field, value = (part.strip() for part in line.split(":", 1))
        field = field.lower()
        if field == "sitemap":
            if value:
                sitemaps.append(value)
            continue
        if field in ("user-agent", "useragent"):
            if not in_agents:
                groups.append(([], [], []))
                in_agents = True
            groups[-1][0].append(value.lower())
            continue
        if field not in ("allow", "disallow", "crawl-delay"):
            continue  # an unknown record neither ends a group nor starts one
        in_agents = False
        if not groups:
            continue
        if field != "crawl-delay":
            if value:
                groups[-1][1].append((field == "allow", value))
            continue
        try:
            groups[-1][2].append(max(0.0, float(value)))
        except ValueError:
            continue
    mine = [g for g in groups if token in g[0]]
    if not mine:
        mine = [g for g in groups if "*" in g[0]]
    rules = tuple(rule for g in mine for rule in g[1])
    delays = [d for g in mine for d in g[2]]
    return RobotsRules(rules=rules, crawl_delay=max(delays) if delays else None, sitemaps=tuple(sitemaps))


def rules_for_status(status: int, body: str, user_agent: str) -> RobotsRules:
    """What a robots.txt answer means (RFC 9309, section 2.3.1).

    2xx: parse it. 3xx left after the redirects were followed, or 4xx: there is none, allow all.
    5xx: the server is in trouble; be conservative and refuse the whole host.
    """
    if 200 <= status < 300:
        return parse_robots(body, user_agent)
    if status < 500:
        return ALLOW_ALL
    return refused(f"robots.txt answered HTTP {status}; the site is skipped until it answers")


def refused(reason: str) -> RobotsRules:
    """Rules that disallow the whole host, for a robots.txt that could not be read."""
    return RobotsRules(refusal=reason)
