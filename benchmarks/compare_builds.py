"""Times two or more builds of train.jar against each other, alternating them, as a user runs them.

usage (from the repository root):
    /usr/bin/python3 benchmarks/compare_builds.py OLD.jar NEW.jar [--hidden 128] [--epochs 5] [--repetitions 4]

Each repetition runs `java -jar JAR bench --data DIR --epochs N --hidden H` once per jar, in turn, so that
the drift of a shared machine hits them alike. Prints, per jar, the medians of the whole process's wall
time, the first epoch, the steady epoch (the median of the epochs after the first) and their ratio, with
the ratios of every repetition. Build the old jar from a worktree: `git worktree add /tmp/old REV && cd
/tmp/old && mvn -B -q package -DskipTests`.
"""
import argparse, os, statistics, subprocess, time
from bench_common import DEFAULT_DATA, ROOT, bench_command, last_json, steady


def run(jar, args):
    start = time.perf_counter()
    out = subprocess.run(bench_command(jar, args.data, args.hidden, args.epochs), capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout
    wall = time.perf_counter() - start
    epochs = last_json(out)["epoch_s"]
    return wall, epochs[0], steady(epochs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("jars", nargs="+")
    ap.add_argument("--hidden", default="128")
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--repetitions", type=int, default=4)
    ap.add_argument("--data", default=DEFAULT_DATA)
    args = ap.parse_args()
    if args.epochs < 2:
        ap.error("--epochs must be at least 2: the steady epoch is the median of the epochs after the first")
    results = {jar: [] for jar in args.jars}
    for _ in range(args.repetitions):
        for jar in args.jars:
            results[jar].append(run(jar, args))
    for jar, rows in results.items():
        wall, first, steady_epoch = (statistics.median(r[i] for r in rows) for i in range(3))
        ratios = ", ".join(f"{r[1] / r[2]:.2f}" for r in rows)
        print(f"{jar} ({args.hidden}): process {wall:.2f} s, first epoch {first:.3f} s, steady {steady_epoch:.3f} s, "
              f"first/steady {first / steady_epoch:.2f} (each run: {ratios})")


if __name__ == "__main__":
    main()
