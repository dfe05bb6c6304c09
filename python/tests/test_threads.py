"""Extraction releases the GIL: Python threads extract at the same time and
get exactly what one thread gets."""
import os
import threading

import chronograph
from conftest import EXAMPLES, TEST_DATA, example

NAMES = ["en_history.txt", "en_openai_2015.txt", "en_scaling.txt", "mixed_dgx.md", "zh_alexnet.txt",
         "zh_openai_2016.txt"]


def run_together(jobs):
    """Runs every job on its own thread, all released at once; their results."""
    start = threading.Barrier(len(jobs))
    results = [None] * len(jobs)
    errors = []

    def work(i, job):
        try:
            start.wait()
            results[i] = job()
        except BaseException as e:  # reported by the main thread
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i, job)) for i, job in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    return results


def test_two_threads_extract_concurrently():
    texts = [example(name) * 3 for name in NAMES]
    alone = [chronograph.extract(text) for text in texts]

    def extract_all(order):
        return lambda: [chronograph.extract(texts[i]) for i in order]

    forward, backward = run_together([extract_all(range(len(texts))), extract_all(reversed(range(len(texts))))])
    assert forward == alone
    assert backward == alone[::-1]


def test_threads_share_a_first_rule_load():
    # A rules overlay not loaded before: both threads ask for it at once.
    overlay = os.path.join(TEST_DATA, "overlay_rules")
    text = example("zh_alexnet.txt")
    first, second = run_together([lambda: chronograph.extract(text, rules=overlay, lang="zh")] * 2)
    assert first == second and first["dates"]


def test_main_thread_runs_while_another_extracts():
    text = "\n\n".join(example(name) for name in NAMES) * 100
    done = threading.Event()
    result = {}

    def work():
        result["doc"] = chronograph.extract(text)
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    ticks = 0
    while not done.is_set():
        ticks += 1
        done.wait(0.001)
    worker.join()
    # With the GIL held for the whole extraction the loop would stall.
    assert ticks > 20 and result["doc"]["mentions"]
