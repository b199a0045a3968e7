"""Progress reporting through a small observer, so the API stays quiet and the CLI shows bars."""

from __future__ import annotations

import sys
from typing import Protocol


class Observer(Protocol):
    def start(self, stage: str, total: int | None = None) -> None: ...
    def advance(self, n: int = 1, note: str = "") -> None: ...
    def finish(self) -> None: ...
    def log(self, message: str) -> None: ...


class _Quiet:
    def start(self, stage: str, total: int | None = None) -> None:
        pass

    def advance(self, n: int = 1, note: str = "") -> None:
        pass

    def finish(self) -> None:
        pass

    def log(self, message: str) -> None:
        pass


QUIET: Observer = _Quiet()


class TqdmObserver:
    """Progress bars on stderr (the CLI's observer)."""

    def __init__(self, disable: bool | None = None) -> None:
        self._bar = None
        self._disable = (not sys.stderr.isatty()) if disable is None else disable

    def start(self, stage: str, total: int | None = None) -> None:
        from tqdm import tqdm

        self.finish()
        self._bar = tqdm(total=total, desc=stage, unit="", file=sys.stderr, disable=self._disable, leave=False)

    def advance(self, n: int = 1, note: str = "") -> None:
        if self._bar is not None:
            self._bar.update(n)
            if note:
                self._bar.set_postfix_str(note[:60], refresh=False)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def log(self, message: str) -> None:
        print(message, file=sys.stderr)
