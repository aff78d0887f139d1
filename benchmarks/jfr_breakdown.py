"""Where the training time goes, from a JFR recording: execution samples of the training threads by kind of work.

usage (from the repository root, after `mvn -B package -DskipTests`):
    java --add-modules jdk.incubator.vector -XX:+UseSerialGC -Dmnistmlp.relaunched=true \\
        -XX:StartFlightRecording=filename=/tmp/run.jfr,settings=profile -cp train.jar org.mnistmlp.train.cli.Main bench ...
    /usr/bin/python3 benchmarks/jfr_breakdown.py /tmp/run.jfr

Counts the jdk.ExecutionSample events of the main thread and the kernel workers taken inside the training
loop (Trainer.runEpoch, without the test evaluation), and sorts each by the innermost frame of this
project into: products, element-wise ops, loss, optimizer, batch assembly, waiting or hand-offs between
threads, and autograd bookkeeping. Prints a markdown table.
"""
import json, subprocess, sys
from collections import Counter

KINDS = [  # (kind, class names or class.method prefixes), first match on the innermost project frame wins
    ("waiting or hand-offs", ["WorkerPool"]),
    ("products", ["VectorKernels.gemm", "VectorKernels.block", "VectorKernels.scalarColumns", "VectorKernels.narrow",
                  "VectorKernels.transpose", "VectorKernels.matmul", "ScalarKernels.matmul", "MatMul", "LinearOp.lambda"]),
    ("element-wise ops", ["VectorKernels.activate", "ScalarKernels.activate", "KernelActivation", "Elementwise",
                          "BroadcastBinary", "LinearOp.apply", "Add", "Sum", "Backprop.addInto"]),
    ("loss", ["CrossEntropy", "SoftmaxRows", "CrossEntropyLoss"]),
    ("optimizer", ["SGD"]),
    ("batch assembly", ["ImageSet", "BatchIterator", "Batch"]),
    ("autograd bookkeeping", ["Backprop", "Tensor", "TensorScope", "Sequential", "Linear", "Module", "ReLU"]),
]


def frames(event):
    return [(f["method"]["type"]["name"].replace("/", "."), f["method"]["name"]) for f in event["values"]["stackTrace"]["frames"]]


def kind(stack):
    for cls, method in stack:   # innermost first
        if not cls.startswith("org.mnistmlp."):
            continue
        simple = cls.rsplit(".", 1)[1].split("$")[0]
        name = simple + "." + method
        for k, prefixes in KINDS:
            if any(name.startswith(p) if "." in p else simple == p for p in prefixes):
                return k
        return "other (" + simple + ")"
    return "JVM and libraries"


def main():
    recording = sys.argv[1]
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--json", recording],
                         capture_output=True, text=True, check=True).stdout
    training, workers = [], []
    for event in json.loads(out)["recording"]["events"]:
        thread = event["values"]["sampledThread"]["javaName"] or ""
        stack = frames(event)
        methods = {c + "." + m for c, m in stack}
        if thread.startswith("kernel-worker-"):
            workers.append((event["values"]["startTime"], stack))
        elif thread == "main" and "org.mnistmlp.train.Trainer.runEpoch" in methods \
                and not any(m.startswith("org.mnistmlp.train.Evaluation.") for m in methods):
            training.append((event["values"]["startTime"], stack))
    first, last = min(t for t, _ in training), max(t for t, _ in training)
    # workers only ever run kernels or wait for them: keep theirs from the training loop's time span
    counts = Counter(kind(stack) for t, stack in training + [(t, s) for t, s in workers if first <= t <= last])
    total = sum(counts.values())
    print(f"| share of training-loop samples ({total}, both threads) | % |")
    print("|---|---|")
    for k, n in counts.most_common():
        print(f"| {k} | {100 * n / total:.0f} |")


if __name__ == "__main__":
    main()
