"""Runs this project and the PyTorch peer on the same machine, in the same run, and prints the ratios.

usage (from the repository root, after `mvn -B package -DskipTests`):
    /usr/bin/python3 benchmarks/compare_with_pytorch.py [--data DIR] [--epochs 5] [--scaling]

Needs Debian's python3-torch and python3-numpy (see shared/bench/README.md) and /usr/bin/time.
Prints markdown tables: kernels vs NumPy/OpenBLAS (GFLOP/s), training vs the PyTorch peer
(epoch time, whole process, peak memory) and, with --scaling, epoch time by hidden width and batch size.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEER = os.path.join(ROOT, "..", "shared", "bench", "pytorch_mlp.py")
DEFAULT_DATA = os.path.join(ROOT, "..", "shared", "data", "djl-mirror", "dataset", "cv", "ai", "djl", "basicdataset", "mnist", "1.0")


def timed(cmd, env=None):
    """Runs cmd under /usr/bin/time; returns (stdout, wall seconds, peak RSS in MB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        out = subprocess.run(["/usr/bin/time", "-o", t.name, "-f", "%e %M"] + cmd, cwd=ROOT, env=env,
                             capture_output=True, text=True, check=True).stdout
        wall, rss_kb = t.read().split()[-2:]
    return out, float(wall), int(rss_kb) / 1024


def last_json(out):
    return json.loads([l for l in out.splitlines() if l.startswith("{")][-1])


def kernels_table():
    jmh = subprocess.run(["java", "-jar", "benchmarks/target/benchmarks.jar", "MatmulBenchmark", "-p", "kernels=vector2",
                          "-rf", "json", "-rff", "/tmp/jmh-matmul.json"], cwd=ROOT, capture_output=True, text=True, check=True)
    ours = {r["benchmark"].split(".")[-1]: r["primaryMetric"]["score"] / 1e9 for r in json.load(open("/tmp/jmh-matmul.json"))}
    env = dict(os.environ, OPENBLAS_NUM_THREADS="2")
    numpy = last_json(subprocess.run(["/usr/bin/python3", "benchmarks/numpy_matmul.py"], cwd=ROOT, env=env,
                                     capture_output=True, text=True, check=True).stdout)["gflops"]
    print("| product (batch 64, 784→128) | ours, GFLOP/s | NumPy/OpenBLAS, GFLOP/s | ratio |")
    print("|---|---|---|---|")
    for name, label in [("forwardXW", "X·W (forward)"), ("weightGradXtDY", "Xᵀ·dY (weight grad)"), ("inputGradDYWt", "dY·Wᵀ (input grad)")]:
        print(f"| {label} | {ours[name]:.0f} | {numpy[name]:.0f} | {ours[name] / numpy[name]:.2f}× |")


def training_table(data, epochs):
    ours_out, ours_wall, ours_rss = timed(["java", "-jar", "train.jar", "bench", "--epochs", str(epochs), "--data", data])
    peer_out, peer_wall, peer_rss = timed(["/usr/bin/python3", PEER, data, "--epochs", str(epochs), "--hidden", "128",
                                           "--batch", "64", "--lr", "0.1", "--threads", "2"])
    ours, peer = last_json(ours_out), last_json(peer_out)
    ours_epoch, peer_epoch = statistics.median(ours["epoch_s"]), statistics.median(peer["epoch_s"])
    print(f"| figure (784-128-10, ReLU, SGD lr 0.1, batch 64, {epochs} epochs) | ours | PyTorch {peer['peer']} | ratio |")
    print("|---|---|---|---|")
    print(f"| median epoch, training only (s) | {ours_epoch:.2f} | {peer_epoch:.2f} | {ours_epoch / peer_epoch:.2f}× |")
    print(f"| first epoch (s) | {ours['epoch_s'][0]:.2f} | {peer['epoch_s'][0]:.2f} | {ours['epoch_s'][0] / peer['epoch_s'][0]:.2f}× |")
    print(f"| whole process, start-up and loading included (s) | {ours_wall:.1f} | {peer_wall:.1f} | {ours_wall / peer_wall:.2f}× |")
    print(f"| peak resident memory (MB) | {ours_rss:.0f} | {peer_rss:.0f} | {ours_rss / peer_rss:.2f}× |")
    print(f"| test accuracy | {ours['test_acc'] * 100:.2f}% | {peer['test_acc'] * 100:.2f}% | |")


def scaling_table(data):
    print("| hidden | batch | fastest of 3 epochs (s) | samples/s |")
    print("|---|---|---|---|")
    for hidden, batch in [(128, 64), (512, 64), (2048, 64), (128, 16), (128, 256), (128, 1024)]:
        out, _, _ = timed(["java", "-jar", "train.jar", "bench", "--epochs", "3", "--data", data,
                           "--hidden", str(hidden), "--batch-size", str(batch)])
        r = last_json(out)
        print(f"| {hidden} | {batch} | {min(r['epoch_s']):.2f} | {r['samples_per_s']:,.0f} |")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default=DEFAULT_DATA)
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--scaling", action="store_true")
    a = p.parse_args()
    print(subprocess.run(["lscpu"], capture_output=True, text=True).stdout.split("Model name:")[1].splitlines()[0].strip(),
          f"({os.cpu_count()} cores)\n")
    kernels_table()
    print()
    training_table(a.data, a.epochs)
    if a.scaling:
        print()
        scaling_table(a.data)


if __name__ == "__main__":
    sys.exit(main())
