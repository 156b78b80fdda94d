"""Work spread over the machine's cores, for the build's heaviest stages.

Each task runs in a process forked from the build, so it finds the site
already loaded instead of receiving a copy. A process with other threads
(a test runner driving a browser, a preview server) must not fork, so there
the tasks simply run one after the other: the output is the same.
"""
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor

_shared = None  # what the forked processes find: the site being built


def cores():
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def run(task, shared, arguments):
    """task(shared, *args) for each args in `arguments`, in parallel where
    it is safe; the results, in order."""
    global _shared
    if len(arguments) < 2 or cores() < 2 or threading.active_count() > 1 \
            or "fork" not in multiprocessing.get_all_start_methods():
        return [task(shared, *args) for args in arguments]
    _shared = shared
    try:
        with ProcessPoolExecutor(max_workers=min(cores(), len(arguments)),
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_call, [task] * len(arguments), arguments))
    finally:
        _shared = None


def _call(task, args):
    return task(_shared, *args)


# Fewer items than this are not worth a process of their own: forking and
# sending the results back costs more than the work (a rebuild's few pages).
WORTH_A_PROCESS = 24


def chunks(items):
    """`items` in one run of consecutive items per core, or in one run when
    they are few."""
    items = list(items)
    share = max(-(-len(items) // cores()), WORTH_A_PROCESS)  # rounded up
    return [items[n:n + share] for n in range(0, len(items), share)]


def each(task, shared, items):
    """[task(shared, item) for item in items], the items shared out among
    the cores in runs (one process each), not one by one."""
    runs = run(_each, (task, shared), [(part,) for part in chunks(items)])
    return [result for part in runs for result in part]


def _each(shared, items):
    task, shared = shared
    return [task(shared, item) for item in items]
