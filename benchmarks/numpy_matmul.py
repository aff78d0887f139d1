"""The matrix products of MatmulBenchmark, timed with NumPy (OpenBLAS), for a side-by-side GFLOP/s figure.

usage: OPENBLAS_NUM_THREADS=2 python3 numpy_matmul.py
Prints one line per product: name, GFLOP/s (best of several timed runs), then a JSON line.
"""
import json, timeit
import numpy as np

BATCH, IN, OUT = 64, 784, 128
rng = np.random.default_rng(0)
x = rng.standard_normal((BATCH, IN), dtype=np.float32)
w = rng.standard_normal((IN, OUT), dtype=np.float32)
dy = rng.standard_normal((BATCH, OUT), dtype=np.float32)
y = np.empty((BATCH, OUT), dtype=np.float32)
dw = np.empty((IN, OUT), dtype=np.float32)
dx = np.empty((BATCH, IN), dtype=np.float32)
flops = 2 * BATCH * IN * OUT

products = {
    "forwardXW": lambda: np.matmul(x, w, out=y),
    "weightGradXtDY": lambda: np.matmul(x.T, dy, out=dw),
    "inputGradDYWt": lambda: np.matmul(dy, w.T, out=dx),
}
result = {}
for name, f in products.items():
    for _ in range(200):
        f()
    number = 500
    best = min(timeit.repeat(f, number=number, repeat=7)) / number
    result[name] = flops / best / 1e9
    print(f"{name:16s} {result[name]:7.1f} GFLOP/s")
print(json.dumps({"numpy": np.__version__, "gflops": result}))
