"""Runs this project and the PyTorch peer on the same machine, in the same run, and prints the ratios.

usage (from the repository root, after `mvn -B package -DskipTests`):
    /usr/bin/python3 benchmarks/compare_with_pytorch.py [--data DIR] [--repetitions 3] [--quick]

Needs Debian's python3-torch (see shared/bench/README.md). Ours runs as a user runs it
(`java -jar train.jar bench ...`, default threads); the peer runs with --threads 1 and --threads 2 and
every ratio is against the faster of the two. Ours and the peer alternate within each repetition, so
that the drift of a shared machine hits both; the load average is printed beside every raw figure.

Both PyTorch settings run in the first repetition; the later ones repeat only the faster (PyTorch with 2
threads on 2 shared cores is several times slower, and slower still on a busy machine). Prints the raw
figures, then a table of the issue's targets (medians of the repetitions), then the scaling table (hidden 128, 512, 2048 x batch 16, 64, 256, 1024, one repetition on a subset of the
images, ours and PyTorch's at the same shapes). --quick: one repetition and no scaling table (about a minute and a half); the full
run takes about eight minutes.
"""
import argparse, gzip, json, os, statistics, struct, subprocess, sys, tempfile, time
from bench_common import DEFAULT_DATA, ROOT, bench_command, last_json, steady

PEER = os.path.join(ROOT, "..", "shared", "bench", "pytorch_mlp.py")
PYTHON = "/usr/bin/python3"   # Debian's, where python3-torch lives
SMALL, DEFAULT_MODEL = "128", "512,256"
THREADS = (1, 2)


def load():
    return float(open("/proc/loadavg").read().split()[0])


def tree_rss_kb(root):
    """Resident memory of a process and all its descendants (ours relaunches a second JVM)."""
    children, rss = {}, {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{pid}/status") as f:
                rss[int(pid)] = next((int(l.split()[1]) for l in f if l.startswith("VmRSS:")), 0)
            children.setdefault(ppid, []).append(int(pid))
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def run(cmd, limit=None):
    """Runs cmd; returns (stdout, wall seconds, peak resident MB of its process tree, load before), or None
    when it ran past `limit` seconds (then it is stopped)."""
    before = load()
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        p = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.PIPE, text=True)
        peak = 0
        while p.poll() is None:
            peak = max(peak, tree_rss_kb(p.pid))
            if limit is not None and time.perf_counter() - start > limit:
                p.kill()
                p.wait()
                return None
            time.sleep(0.05)
        wall = time.perf_counter() - start
        err = p.stderr.read()
        out.seek(0)
        text = out.read()
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{text}{err}")
    return text, wall, peak / 1024, before


def ours(data, hidden, epochs, batch=64, threads=None):
    return measured(bench_command("train.jar", data, hidden, epochs, batch, threads))


def peer(data, hidden, epochs, threads, batch=64, limit=None):
    return measured([PYTHON, PEER, data, "--epochs", str(epochs), "--hidden", hidden, "--batch", str(batch),
                     "--lr", "0.1", "--threads", str(threads)], limit)


def measured(cmd, limit=None):
    """The run's figures; a run stopped at `limit` counts as infinitely slow."""
    result = run(cmd, limit)
    if result is None:
        inf = float("inf")
        return {"epochs": [inf], "steady": inf, "wall": inf, "rss": inf, "load": load(), "acc": 0.0, "stopped": limit}
    out, wall, rss, before = result
    r = last_json(out)
    return {"epochs": r["epoch_s"], "steady": steady(r["epoch_s"]), "wall": wall, "rss": rss, "load": before,
            "acc": r["test_acc"]}


def slower_than(r):
    """PyTorch with 2 threads is stopped once it has taken twice as long as the whole 1-thread run: it is the
    slower setting then, and on a busy machine it could otherwise take tens of minutes."""
    return 2 * r["wall"]


def show(label, r):
    if "stopped" in r:
        print(f"  {label:<28} stopped after {r['stopped']:.0f} s, twice the 1-thread run's whole time: "
              f"the slower setting  (load {r['load']:.2f})", flush=True)
        return
    epochs = " ".join(f"{e:.3f}" for e in r["epochs"])
    print(f"  {label:<28} epochs [{epochs}] s  steady {r['steady']:.3f} s  process {r['wall']:.2f} s  "
          f"peak {r['rss']:.0f} MB  acc {r['acc'] * 100:.2f}%  (load {r['load']:.2f})", flush=True)


def gemm_peak():
    """MatmulBenchmark's 2-thread products (GFLOP/s), the best of the three being the peak, and NumPy's."""
    with tempfile.NamedTemporaryFile(suffix=".json") as f:
        before = load()
        subprocess.run(["java", "-jar", "benchmarks/target/benchmarks.jar", "MatmulBenchmark", "-p", "kernels=vector2",
                        "-wi", "2", "-i", "3", "-rf", "json", "-rff", f.name], cwd=ROOT, capture_output=True, check=True)
        scores = {r["benchmark"].split(".")[-1]: r["primaryMetric"]["score"] / 1e9 for r in json.load(open(f.name))}
    numpy = last_json(subprocess.run([PYTHON, "benchmarks/numpy_matmul.py"], cwd=ROOT, capture_output=True, text=True,
                                     env=dict(os.environ, OPENBLAS_NUM_THREADS="2"), check=True).stdout)["gflops"]
    print("  784→128 products at batch 64, 2 threads, GFLOP/s, ours (JMH) / NumPy: "
          + ", ".join(f"{k} {v:.0f} / {numpy[k]:.0f}" for k, v in scores.items()) + f"  (load {before:.2f})", flush=True)
    return max(scores.values())


def epoch_gflop(sizes, images=60000):
    """Multiply-adds x 2 of one epoch: forward, weight gradients, and input gradients below the first layer."""
    products = sum(a * b for a, b in zip(sizes, sizes[1:]))
    return 2 * images * (2 * products + (products - sizes[0] * sizes[1])) / 1e9


def seconds(x):
    return "stopped" if x == float("inf") else f"{x:.3f}"


def median(rows, key):
    return statistics.median(r[key] for r in rows)


def targets(data, repetitions):
    print(f"raw figures, {repetitions} repetitions (784-128-10: {5} epochs; 784-512-256-10: 2 epochs; "
          "ReLU, plain SGD lr 0.1, batch 64)", flush=True)
    small = {"ours": [], 1: [], 2: []}   # the slower PyTorch setting is measured in the first repetition only
    big = {"ours": [], "ours1": [], 1: [], 2: []}
    peaks = []
    faster = {}   # per model, PyTorch's faster thread count, from the first repetition
    for rep in range(repetitions):
        print(f"repetition {rep + 1}", flush=True)
        for model, epochs, rows in ((SMALL, 5, small), (DEFAULT_MODEL, 2, big)):
            peers = list(THREADS) if rep == 0 else [faster[model]]   # 1 thread before 2: it bounds the 2-thread run
            order = ["ours"] + peers if rep % 2 == 0 else peers + ["ours"]   # alternate who goes first
            for who in order:
                if who == "ours":
                    for threads in (None, 1) if model == DEFAULT_MODEL else (None,):
                        r = ours(data, model, epochs, threads=threads)
                        rows["ours" if threads is None else "ours1"].append(r)
                        show(f"784-{model.replace(',', '-')}-10 ours{' 1t' if threads else ''}", r)
                else:
                    r = peer(data, model, epochs, who, limit=slower_than(rows[1][-1]) if who == 2 else None)
                    rows[who].append(r)
                    show(f"784-{model.replace(',', '-')}-10 PyTorch {who}t", r)
            if rep == 0:
                faster[model] = min(THREADS, key=lambda t: rows[t][0]["steady"])
                print(f"  PyTorch is faster with {faster[model]} thread(s) on this model: "
                      f"only that setting is repeated", flush=True)
        peaks.append(gemm_peak())

    best_small = best_process = faster[SMALL]
    best_big = faster[DEFAULT_MODEL]
    ours_small, ours_big = median(small["ours"], "steady"), median(big["ours"], "steady")
    first = statistics.median(r["epochs"][0] / r["steady"] for r in small["ours"])
    peak = statistics.median(peaks)
    limit = epoch_gflop([784, 512, 256, 10]) / peak
    print()
    print(f"| target (medians of {repetitions}) | ours | PyTorch at its faster setting | ratio | goal |")
    print("|---|---|---|---|---|")
    print(f"| 784-128-10 steady epoch (s) | {ours_small:.3f} | {median(small[best_small], 'steady'):.3f} ({best_small} thread"
          f"{'s' if best_small > 1 else ''}; other {seconds(median(small[3 - best_small], 'steady'))}) "
          f"| {ours_small / median(small[best_small], 'steady'):.2f}× | ≤ 0.5× |")
    first_s = statistics.median(r["epochs"][0] for r in small["ours"])
    print(f"| 784-128-10 first epoch / steady epoch (ours, s) | {first_s:.3f} / {ours_small:.3f} | | {first:.2f}× | ≤ 1.25× |")
    print(f"| 784-512-256-10 steady epoch (s) | {ours_big:.3f} | {median(big[best_big], 'steady'):.3f} ({best_big} thread"
          f"{'s' if best_big > 1 else ''}; other {seconds(median(big[3 - best_big], 'steady'))}) "
          f"| {ours_big / median(big[best_big], 'steady'):.2f}× | ≤ 0.6× |")
    print(f"| 784-512-256-10 against its arithmetic limit ({epoch_gflop([784, 512, 256, 10]):.1f} GFLOP / "
          f"{peak:.0f} GFLOP/s 2-thread GEMM peak) | {ours_big:.3f} | limit {limit:.3f} | {ours_big / limit:.2f}× | ≤ 1.25× |")
    ours1 = median(big["ours1"], "steady")
    print(f"| 784-512-256-10, 2 threads against 1 (speed-up) | {ours_big:.3f} | 1 thread: {ours1:.3f} | "
          f"{ours1 / ours_big:.2f}× | ≥ 1.7× |")
    print(f"| 784-128-10 whole `--epochs 5` process (s) | {median(small['ours'], 'wall'):.2f} | "
          f"{median(small[best_process], 'wall'):.2f} ({best_process} thread{'s' if best_process > 1 else ''}) | "
          f"{median(small['ours'], 'wall') / median(small[best_process], 'wall'):.2f}× | ≤ 0.5× |")
    print(f"| 784-128-10 peak resident memory (MB) | {median(small['ours'], 'rss'):.0f} | "
          f"{median(small[best_process], 'rss'):.0f} | "
          f"{median(small['ours'], 'rss') / median(small[best_process], 'rss'):.2f}× | ≤ 0.5× |")
    print(f"| 784-128-10 test accuracy after 5 epochs | {median(small['ours'], 'acc') * 100:.2f}% | "
          f"{median(small[best_small], 'acc') * 100:.2f}% | | |")


def subset(data, images, folder, test_images=2000):
    """The first `images` training and `test_images` test images of `data`, as IDX files in `folder`."""
    for split, count in (("train", images), ("t10k", test_images)):
        with gzip.open(os.path.join(data, split + "-images-idx3-ubyte.gz")) as f:
            pixels = f.read()
        with gzip.open(os.path.join(data, split + "-labels-idx1-ubyte.gz")) as f:
            labels = f.read()
        with open(os.path.join(folder, split + "-images-idx3-ubyte"), "wb") as f:
            f.write(struct.pack(">IIII", 0x803, count, 28, 28) + pixels[16:16 + count * 784])
        with open(os.path.join(folder, split + "-labels-idx1-ubyte"), "wb") as f:
            f.write(struct.pack(">II", 0x801, count) + labels[8:8 + count])


def scaling(data, images):
    print(f"\nscaling: 2 epochs each on the first {images:,} training images (and 2,000 test images), the second "
          "epoch timed; "
          "PyTorch with 1 and 2 threads, the faster one compared", flush=True)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        subset(data, images, folder)
        for hidden in (128, 512, 2048):
            for batch in (16, 64, 256, 1024):
                o = ours(folder, str(hidden), 2, batch)
                p = {1: peer(folder, str(hidden), 2, 1, batch)}
                p[2] = peer(folder, str(hidden), 2, 2, batch, limit=slower_than(p[1]))
                best = min(THREADS, key=lambda t: p[t]["steady"])
                rows.append((hidden, batch, o, p, best))
                print(f"  hidden {hidden} batch {batch}: ours {o['steady']:.3f} s, PyTorch 1t {p[1]['steady']:.3f} s, "
                      f"2t {seconds(p[2]['steady'])}  (load {o['load']:.2f} / {p[1]['load']:.2f} / {p[2]['load']:.2f})",
                      flush=True)
    print()
    print("| hidden | batch | ours, samples/s | PyTorch at its faster setting, samples/s | time ratio |")
    print("|---|---|---|---|---|")
    for hidden, batch, o, p, best in rows:
        print(f"| {hidden} | {batch} | {images / o['steady']:,.0f} | {images / p[best]['steady']:,.0f} ({best}t) | "
              f"{o['steady'] / p[best]['steady']:.2f}× |")


def main():
    a = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    a.add_argument("--data", default=DEFAULT_DATA, help="folder of the four MNIST IDX files (.gz)")
    a.add_argument("--repetitions", type=int, default=3)
    a.add_argument("--scaling-images", type=int, default=5000, help="training images per scaling epoch")
    a.add_argument("--quick", action="store_true", help="one repetition, no scaling table")
    args = a.parse_args()
    cpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout.split("Model name:")[1].splitlines()[0].strip()
    print(f"{cpu} ({os.cpu_count()} cores); start: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}\n")
    targets(args.data, 1 if args.quick else args.repetitions)
    if not args.quick:
        scaling(args.data, args.scaling_images)
    print(f"\nend: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")


if __name__ == "__main__":
    sys.exit(main())
