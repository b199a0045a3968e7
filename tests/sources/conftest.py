"""Fixtures for the network-source tests: the local test site, a recording fetcher, a fake clock, a state."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.sources.localsite import (FakeClock, LocalSite, MemoryState, RecordingFetcher, reset_site, start_site,
                                    stop_site)


@pytest.fixture(scope="session")
def _servers() -> Iterator[LocalSite]:
    local = start_site()  # stopping a server takes half a second: start them once
    yield local
    stop_site(local)


@pytest.fixture()
def site(_servers: LocalSite) -> LocalSite:
    """The local site with its original routes and empty request logs."""
    reset_site(_servers)
    return _servers


@pytest.fixture()
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture()
def fetcher() -> Iterator[RecordingFetcher]:
    f = RecordingFetcher()
    yield f
    f.close()


@pytest.fixture()
def state() -> MemoryState:
    return MemoryState()
