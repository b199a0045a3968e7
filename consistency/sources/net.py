"""The network, behind an interface: one HTTP request at a time, and the rules for which URLs may be asked.

Sources never talk to the network directly. They call a ``Fetcher`` (``HttpFetcher`` in production,
a local folder or a recording wrapper in tests), which makes exactly one request and never follows a
redirect by itself: the caller follows redirects hop by hop so that ``UrlPolicy`` checks every hop.
A link or a redirect must not lead the crawler off the brand's site or into a private network.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
import urllib.request
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

import httpcore
import httpx

DEFAULT_USER_AGENT = "consistency/0.1 (+brand consistency checker)"
DEFAULT_MAX_BYTES = 2_000_000
_DEFAULT_PORTS = {"http": 80, "https": 443}
_TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl)$",
                       re.IGNORECASE)
_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")
# Characters a path or query may hold as they are; everything else is percent-encoded, so that
# "/café" and "/caf%C3%A9" normalise to the same URL. "%" is kept to avoid double encoding.
_PATH_SAFE = "/%:@!$&'()*+,;=~-._"
# Query keys and values are decoded by parse_qsl, so they are re-encoded without keeping "%", "&", "=", "+".
_QUERY_SAFE = "/:@!$'()*,;~-._"


@dataclass(frozen=True, slots=True)
class Response:
    """One HTTP response, read up to a byte limit.

    ``headers`` has lower-case names; repeated headers are joined with ", ", except
    ``set-cookie`` whose values are joined with "\\n" (cookie dates contain commas).
    ``truncated`` is True when the body was longer than the limit and was cut.
    """

    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    truncated: bool = False


class FetchError(Exception):
    """A request that got no HTTP response: refused connection, DNS failure, timeout, TLS error."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Fetcher(ABC):
    """Makes one GET request. Never follows redirects: a 3xx comes back as it is."""

    @abstractmethod
    def get(self, url: str, headers: Mapping[str, str] | None = None,
            max_bytes: int = DEFAULT_MAX_BYTES) -> Response:
        """Fetch ``url``; read at most ``max_bytes`` of body. Raises ``FetchError`` when no response came."""

    def close(self) -> None:
        """Release connections. The default has nothing to release."""

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class HttpFetcher(Fetcher):
    """``Fetcher`` over httpx: streams the body, stops at ``max_bytes``, gives up after ``timeout`` seconds.

    ``timeout`` applies to connecting and to every read, and the whole body must have arrived
    ``timeout`` seconds after the request started, so a server that trickles bytes cannot hold
    the crawl. Proxy settings come from the environment (HTTPS_PROXY, NO_PROXY), as httpx reads them.
    ``pin`` (``UrlPolicy.address``) gives the address to connect to for a host; without a proxy in
    the environment every connection goes through it.
    """

    def __init__(self, user_agent: str = DEFAULT_USER_AGENT, timeout: float = 10.0,
                 pin: Pin | None = None) -> None:
        self.timeout = float(timeout)
        # A proxy from the environment resolves host names itself: there is no address to pin.
        transport = _PinnedTransport(pin) if pin is not None and not urllib.request.getproxies() else None
        self._client = httpx.Client(
            transport=transport,
            follow_redirects=False,
            timeout=httpx.Timeout(self.timeout),
            headers={"User-Agent": user_agent,
                     "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"},
        )

    def get(self, url: str, headers: Mapping[str, str] | None = None,
            max_bytes: int = DEFAULT_MAX_BYTES) -> Response:
        deadline = time.monotonic() + self.timeout
        try:
            with self._client.stream("GET", url, headers=dict(headers or {})) as resp:
                chunks: list[bytes] = []
                size = 0
                truncated = False
                for chunk in resp.iter_bytes():
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > max_bytes:
                        truncated = True
                        break
                    if time.monotonic() > deadline:
                        raise httpx.ReadTimeout("body not received in time")
                body = b"".join(chunks)[:max_bytes]
                return Response(url=str(resp.url), status=resp.status_code, headers=_header_dict(resp.headers),
                                body=body, truncated=truncated)
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.timeout:g} s") from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise FetchError(f"network error: {type(exc).__name__}: {exc}".rstrip(": ")) from None
        except UnicodeError as exc:  # a host name IDNA cannot encode ("a..b", an empty label)
            raise FetchError(f"invalid host name: {exc}") from None

    def close(self) -> None:
        self._client.close()


Pin = Callable[[str, int], "str | None"]


class _PinnedBackend(httpcore.SyncBackend):
    """Opens each connection to the address ``pin`` gives for its host (None: the host itself).
    TLS still checks the certificate against the host name, which httpcore passes on its own."""

    def __init__(self, pin: Pin) -> None:
        self._pin = pin

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        return super().connect_tcp(self._pin(host, port) or host, port, timeout, local_address, socket_options)


class _PinnedTransport(httpx.HTTPTransport):
    """httpx's default transport whose connection pool connects through ``_PinnedBackend``."""

    def __init__(self, pin: Pin) -> None:
        super().__init__()
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(), network_backend=_PinnedBackend(pin))


def _header_dict(headers: httpx.Headers) -> dict[str, str]:
    out: dict[str, list[str]] = {}
    for name, value in headers.multi_items():
        out.setdefault(name.lower(), []).append(value)
    return {name: ("\n" if name == "set-cookie" else ", ").join(values) for name, values in out.items()}


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4, so "/a/./b/../c" and "/a/c" are one URL."""
    out: list[str] = []
    segments = path.split("/")
    for i, seg in enumerate(segments):
        last = i == len(segments) - 1
        if seg == ".":
            if last:
                out.append("")
        elif seg == "..":
            if len(out) > 1:
                out.pop()
            if last:
                out.append("")
        else:
            out.append(seg)
    result = "/".join(out)
    return result if result.startswith("/") else "/" + result


def _quote(part: str, safe: str) -> str:
    return _ESCAPE.sub(lambda m: m.group(0).upper(), quote(part, safe=safe))


def normalize_url(url: str, base: str | None = None) -> str:
    """The canonical form of ``url`` used to fetch and to deduplicate.

    Resolves ``url`` against ``base``; lower-cases scheme and host; drops the default port, the
    user info, the fragment and tracking parameters (utm_*, fbclid, gclid, ...); resolves "." and
    ".." segments; sorts query parameters; percent-encodes the rest consistently.
    Raises ``ValueError`` for a URL that cannot be parsed (a bad port, an unclosed IPv6 bracket).
    """
    url = url.strip()
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    port = parts.port  # raises ValueError for a bad port
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    path = _quote(_remove_dot_segments(parts.path or "/"), _PATH_SAFE) if netloc else parts.path
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    query = urlencode(sorted(pairs), quote_via=quote, safe=_QUERY_SAFE)
    return urlunsplit((scheme, netloc, path, query, ""))


def host_key(url: str) -> str:
    """"host" or "host:port" (a non-default port only): the unit that config, delay and policy speak of."""
    parts = urlsplit(normalize_url(url))
    return parts.netloc


Resolver = Callable[[str], list[str]]


def _resolve(host: str) -> list[str]:
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    return sorted({str(info[4][0]) for info in infos})


def _is_internal(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast
            or ip.is_unspecified)


class UrlPolicy:
    """Which URLs the crawler may request: for links it finds and for every redirect hop.

    Allowed: http and https URLs on a host the config named (the start URLs' hosts and
    ``allow_hosts``, exact "host" or "host:port", or "*.example.com" for subdomains) and the
    "www." twin of a named host. A host the config did not write out literally (a twin, a
    wildcard match) must not resolve to a private, loopback or link-local address: a page
    cannot send the crawler into the intranet, and the connection goes to the address that was
    checked (``address``), not to a second DNS answer. Hosts written in the config are trusted as
    they are, which is how intranet sites and local test servers are crawled.
    """

    def __init__(self, start_urls: Iterable[str], allow_hosts: Iterable[str] = (),
                 resolver: Resolver = _resolve) -> None:
        self.named: set[str] = set()
        self.wildcards: list[str] = []
        for url in start_urls:
            self.named.add(host_key(url))
        for host in allow_hosts:
            host = host.strip().lower().rstrip(".")
            if "://" in host:
                host = host_key(host)
            if host.startswith("*."):
                self.wildcards.append(host[1:])  # ".example.com"
            elif host:
                self.named.add(host)
        self._resolver = resolver
        self._resolved: dict[str, str | None] = {}
        self._checked: dict[str, str] = {}  # host -> the address that was checked

    def _twin(self, key: str) -> bool:
        twin = key[4:] if key.startswith("www.") else "www." + key
        return twin in self.named

    def _wildcard(self, host: str) -> bool:
        return any(host.endswith(suffix) for suffix in self.wildcards)

    def check(self, url: str) -> str | None:
        """None when ``url`` may be fetched, else the reason it must not be."""
        try:
            parts = urlsplit(normalize_url(url))
        except ValueError as exc:
            return f"malformed URL ({exc})"
        if parts.scheme not in _DEFAULT_PORTS:
            return f"scheme {parts.scheme or '(none)'!r} is not fetched (only http and https)"
        key = parts.netloc
        if not parts.hostname:
            return "URL has no host"
        if key in self.named:
            return None
        if not (self._twin(key) or self._wildcard(parts.hostname)):
            return f"host {key} is not the configured site; add it to allow_hosts to follow it"
        return self._internal_reason(parts.hostname)

    def _internal_reason(self, host: str) -> str | None:
        if host not in self._resolved:
            try:
                addresses = self._resolver(host)
            except (OSError, UnicodeError) as exc:
                self._resolved[host] = f"cannot resolve host {host} ({exc})"
            else:
                internal = [a for a in addresses if _is_internal(a)]
                self._resolved[host] = (
                    f"host {host} resolves to the private or loopback address {internal[0]}; "
                    "name it in the config (url or allow_hosts) to crawl it" if internal else None)
                if addresses and not internal:
                    self._checked[host] = addresses[0]
        return self._resolved[host]

    def address(self, host: str, port: int) -> str | None:
        """The address a connection to ``host`` must use. For a host that had to be checked (a twin,
        a wildcard match) it is the address the check saw, so that a second DNS answer cannot send
        the request into the private network (DNS rebinding). None for a host the config names: the
        system resolves it. Raises ``FetchError`` for a host that must not be reached."""
        host = host.lower().rstrip(".")
        netloc = f"[{host}]" if ":" in host else host  # an IPv6 address is written in brackets
        if netloc in self.named or f"{netloc}:{port}" in self.named:
            return None
        reason = self._internal_reason(host)
        if reason:
            raise FetchError(reason)
        return self._checked.get(host)  # a resolver that answered nothing: the system resolves it again
