"""scripts/chronograph-dask on a 2-worker LocalCluster, one worker killed mid-run.

  dask_kill_worker.py BIN SRC OUT

Starts a LocalCluster of 2 worker processes on loopback, runs
chronograph-dask against it on copies of the sample texts (one document per
batch, so the run spans many tasks), kills one worker process with SIGKILL
while it is extracting, and checks that the outputs equal `chronograph
build` byte for byte. Then checks the message for a binary missing on the
workers. Exits 77 (skipped) only when Dask.distributed cannot be imported.
"""
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

from scale_common import assert_same_tree, run

SKIP = 77


def main(binary, src, out):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        print("SKIP: python3-distributed is not installed (scripts/setup.sh installs it)")
        return SKIP
    shutil.rmtree(out, ignore_errors=True)
    texts = os.path.join(out, "texts")
    os.makedirs(texts)
    names = sorted(n for n in os.listdir(os.path.join(src, "examples")) if n.endswith((".txt", ".md")))
    for copy in range(4):  # 4 copies under other names: enough tasks to kill one mid-run
        for name in names:
            shutil.copy(os.path.join(src, "examples", name), os.path.join(texts, f"{copy}_{name}"))
    whole = os.path.join(out, "whole")
    run(binary, "build", "texts", "--out", whole, "--quiet", cwd=out)

    script = os.path.join(src, "scripts", "chronograph-dask")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        pids = client.run(os.getpid)
        killed = []

        def kill_one_busy_worker():
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                busy = [w for w, tasks in client.processing().items()
                        if any("extract_batch" in str(t) for t in tasks)]
                if busy and pids.get(busy[0]):
                    os.kill(pids[busy[0]], signal.SIGKILL)
                    killed.append(busy[0])
                    return
                time.sleep(0.02)

        killer = threading.Thread(target=kill_one_busy_worker)
        killer.start()
        dask_out = os.path.join(out, "dask")
        result = subprocess.run([sys.executable, script, "texts", "--out", dask_out, "--scheduler",
                                 cluster.scheduler_address, "--binary", binary, "--batch-size", "1"],
                                cwd=out, capture_output=True, text=True)
        killer.join()
        if result.returncode != 0:
            sys.exit(f"FAIL: chronograph-dask exited {result.returncode}:\n{result.stderr}")
        if not killed:
            sys.exit("FAIL: no worker was seen extracting, so none was killed")
        n = assert_same_tree(whole, dask_out, "chronograph-dask with a killed worker")
        print(f"killed worker {killed[0]} mid-run; {n} files byte-identical to build")

        missing = subprocess.run([sys.executable, script, "texts", "--out", os.path.join(out, "missing"),
                                  "--scheduler", cluster.scheduler_address, "--binary", "/nonexistent/chronograph",
                                  "--local-binary", binary],
                                 cwd=out, capture_output=True, text=True)
        if missing.returncode != 1 or "worker tcp://" not in missing.stderr or "binary not found" not in missing.stderr:
            sys.exit(f"FAIL: missing binary: exit {missing.returncode}, message:\n{missing.stderr}")
        print("missing binary:", missing.stderr.strip().splitlines()[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
