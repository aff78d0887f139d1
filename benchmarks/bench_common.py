"""What the benchmark scripts share: where the repository and the real MNIST data are, how ours is run
as a user runs it, and how to read the JSON line that `java -jar train.jar bench` and the PyTorch peer
print last."""
import json, os, statistics

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(ROOT, "..", "shared", "data", "djl-mirror", "dataset", "cv", "ai", "djl", "basicdataset", "mnist", "1.0")


def last_json(out):
    """The last line of `out` that is a JSON object, parsed."""
    return json.loads([l for l in out.splitlines() if l.startswith("{")][-1])


def bench_command(jar, data, hidden, epochs, batch=64, threads=None):
    """`java -jar JAR bench ...` with default threads unless `threads` is given, to run from ROOT."""
    return (["java", "-jar", jar, "bench", "--data", data, "--epochs", str(epochs), "--hidden", hidden,
             "--batch-size", str(batch)] + (["--threads", str(threads)] if threads else []))


def steady(epochs):
    """The median of the epochs after the first (the first includes start-up effects)."""
    return statistics.median(epochs[1:]) if len(epochs) > 1 else epochs[0]
