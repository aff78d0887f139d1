"""What the benchmark scripts share: where the repository and the real MNIST data are, and how to read
the JSON line that `java -jar train.jar bench` and the PyTorch peer print last."""
import json, os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(ROOT, "..", "shared", "data", "djl-mirror", "dataset", "cv", "ai", "djl", "basicdataset", "mnist", "1.0")


def last_json(out):
    """The last line of `out` that is a JSON object, parsed."""
    return json.loads([l for l in out.splitlines() if l.startswith("{")][-1])
