"""Where the CPU-bound stages run: in this process, in local worker processes, or on a Dask
cluster. Stages hand an executor a top-level function and a list of chunks; the executor
returns the results in chunk order. A chunk's results do not depend on the chunks beside it
(judging cuts its chunks by the number of workers, to share the pairs evenly), so every executor
gives the same results as one process.

    make_executor("local", workers=1)                 # this process
    make_executor("local", workers=4)                 # 4 worker processes
    make_executor("dask", scheduler="tcp://host:8786")  # an existing Dask cluster
    make_executor("dask", workers=2)                  # a throwaway local Dask cluster (tests)
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import Any

from consistency.errors import ConfigError


class Executor(ABC):
    name: str = ""

    @abstractmethod
    def map(self, fn: Callable[..., Any], chunks: Sequence[Any], *shared: Any) -> list[Any]:
        """``[fn(*shared, chunk) for chunk in chunks]``, possibly in parallel, in order."""

    def close(self) -> None:
        pass

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SerialExecutor(Executor):
    name = "serial"

    def map(self, fn: Callable[..., Any], chunks: Sequence[Any], *shared: Any) -> list[Any]:
        return [fn(*shared, chunk) for chunk in chunks]


WORKER_THREADS = "CONSISTENCY_WORKER_THREADS"


def worker_threads() -> int:
    """This worker process's share of the cores for an encoder's threads; 0 outside a worker."""
    return int(os.environ.get(WORKER_THREADS, 0))


def _share_cores(threads: int) -> None:
    """Worker start: the machine's cores are shared between the workers, so an encoder's numpy threads
    in one worker do not compete with the others' (two workers of two threads each on two cores
    embedded three times slower than one process)."""
    os.environ[WORKER_THREADS] = str(threads)


class ProcessExecutor(Executor):
    """Local worker processes (spawned: no inherited threads or open database handles)."""

    name = "processes"

    def __init__(self, workers: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        threads = max(1, (os.cpu_count() or 1) // workers)
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_share_cores, initargs=(threads,))

    def map(self, fn: Callable[..., Any], chunks: Sequence[Any], *shared: Any) -> list[Any]:
        if len(chunks) <= 1:
            return [fn(*shared, c) for c in chunks]
        futures = [self._pool.submit(fn, *shared, c) for c in chunks]
        return [f.result() for f in futures]

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor(Executor):
    """Chunks run as tasks on a Dask distributed cluster. Workers need ``consistency`` installed."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int = 2) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError("the dask executor needs dask.distributed, which is not installed",
                              'install the extra: pip install "consistency[dask]"') from None
        self._cluster = None
        if scheduler:
            self.client = Client(scheduler, timeout="30s")
        else:
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                         dashboard_address=None, host="127.0.0.1")
            self.client = Client(self._cluster)

    def map(self, fn: Callable[..., Any], chunks: Sequence[Any], *shared: Any) -> list[Any]:
        if not chunks:
            return []
        scattered = [self.client.scatter(s, broadcast=True) for s in shared]
        futures = [self.client.submit(fn, *scattered, c, pure=False) for c in chunks]
        return self.client.gather(futures)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_executor(kind: str = "local", workers: int = 1, scheduler: str | None = None) -> Executor:
    if kind == "local":
        return SerialExecutor() if workers <= 1 else ProcessExecutor(workers)
    if kind == "dask":
        return DaskExecutor(scheduler=scheduler, workers=max(1, workers))
    raise ConfigError(f"unknown executor {kind!r}", "use --executor local or --executor dask")
