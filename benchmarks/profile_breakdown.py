"""Where the training time goes: CPU samples of the training threads, by kind of work, from async-profiler.

usage (from the repository root, after `mvn -B package -DskipTests`):
    /usr/bin/python3 benchmarks/profile_breakdown.py [--jar train.jar] [--hidden 128] [--epochs 5] [--data DIR]

Fetches async-profiler's Maven artifact (tools.profiler:async-profiler, linux-x64) into
benchmarks/target/profiler on first use, runs `java -jar train.jar bench` under it, as a user runs it (CPU-time samples every millisecond, so a
spinning thread counts and a parked one does not), and counts the samples of the main thread inside the
training loop (Trainer.runEpoch, without the test evaluation) and of the kernel workers while training
runs. Each sample is sorted by the innermost frame of this project into:
products, element-wise ops, loss, optimizer, batch assembly, waiting or hand-offs between threads, and
autograd bookkeeping. Prints a markdown table and the run's epoch times.
"""
import argparse, os, subprocess, sys, tempfile, zipfile
from bench_common import DEFAULT_DATA, ROOT, bench_command, last_json
from collections import Counter

PROFILER = "tools.profiler:async-profiler:4.0:jar:linux-x64"
AGENT_DIR = os.path.join(ROOT, "benchmarks", "target", "profiler")

KINDS = [  # (kind, prefixes of "Class.method" of the innermost project frame), first match wins
    ("waiting or hand-offs", ["WorkerPool"]),
    ("products", ["VectorKernels.gemm", "VectorKernels.block", "VectorKernels.pack", "VectorKernels.panelRows",
                  "VectorKernels.scalarColumns", "VectorKernels.narrow", "VectorKernels.transpose", "VectorKernels.matmul",
                  "VectorKernels.start", "VectorKernels.lambda$gemm", "ScalarKernels.matmul", "MatMul"]),
    ("element-wise ops", ["VectorKernels.activate", "ScalarKernels.activate", "KernelActivation", "Elementwise",
                          "BroadcastBinary", "LinearOp", "Add", "Sum"]),
    ("loss", ["CrossEntropy", "SoftmaxRows", "CrossEntropyLoss"]),
    ("optimizer", ["SGD", "Optimizer"]),
    ("batch assembly", ["ImageSet", "BatchIterator", "Batch"]),
    ("autograd bookkeeping", ["Backprop", "Tensor", "TensorScope", "Node", "Sequential", "Linear", "Module", "ReLU"]),
]
ORDER = [k for k, _ in KINDS] + ["JVM, libraries, other"]


def agent():
    path = os.path.join(AGENT_DIR, "libasyncProfiler.so")
    if not os.path.exists(path):
        os.makedirs(AGENT_DIR, exist_ok=True)
        subprocess.run(["mvn", "-B", "-q", "dependency:copy", f"-Dartifact={PROFILER}", f"-DoutputDirectory={AGENT_DIR}"],
                       cwd=ROOT, check=True)
        jar = next(f for f in os.listdir(AGENT_DIR) if f.endswith(".jar"))
        with zipfile.ZipFile(os.path.join(AGENT_DIR, jar)) as z:
            name = next(n for n in z.namelist() if n.endswith("libasyncProfiler.so"))
            with open(path, "wb") as out:
                out.write(z.read(name))
    return path


def kind(frames):
    for frame in reversed(frames):   # innermost last in collapsed stacks
        if "mnistmlp" not in frame:
            continue
        cls, _, method = frame.rpartition(".")
        simple = cls.rsplit("/", 1)[-1].split("$")[0]
        name = simple + "." + method
        for k, prefixes in KINDS:
            if any(name.startswith(p) if "." in p else simple == p for p in prefixes):
                return k
        return "JVM, libraries, other"
    return "JVM, libraries, other"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default=os.path.join(ROOT, "train.jar"))
    ap.add_argument("--hidden", default="128")
    ap.add_argument("--epochs", default="5")
    ap.add_argument("--data", default=DEFAULT_DATA)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        # run as a user runs it: the launcher passes the agent on to the JVM it relaunches with its own
        # flags, and each JVM writes the samples file named by its process id
        java, *rest = bench_command(args.jar, args.data, args.hidden, args.epochs)
        agent_option = f"-agentpath:{agent()}=start,event=ctimer,interval=1ms,threads,collapsed,file={tmp}/samples-%p.txt"
        out = subprocess.run([java, agent_option, *rest], capture_output=True, text=True, check=True, cwd=ROOT).stdout
        epochs = last_json(out)["epoch_s"]
        counts = Counter()
        for name in os.listdir(tmp):   # the first JVM's samples have no training in them
            for line in open(os.path.join(tmp, name)):
                stack, n = line.rsplit(" ", 1)
                frames = stack.split(";")
                thread = frames[0]
                training = any("Trainer.runEpoch" in f for f in frames) and not any("Evaluation.of" in f for f in frames)
                if thread.startswith("[main") and training or thread.startswith("[kernel-worker"):
                    counts[kind(frames)] += int(n)
    total = sum(counts.values())
    print(f"| share of CPU samples in training, all threads ({total}) | % |")
    print("|---|---|")
    for k in ORDER:
        print(f"| {k} | {100 * counts[k] / total:.0f} |")
    print("epochs (s):", ", ".join(f"{e:.2f}" for e in epochs))


if __name__ == "__main__":
    sys.exit(main())
