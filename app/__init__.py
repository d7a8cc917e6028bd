"""koubai's web server: the playground, graph rendering and training streams (FastAPI, ``app.main``).

Every process of it does its numpy work on one BLAS thread, unless the environment says otherwise: runs and
sandboxes are processes of their own, as many as there are cores, and a library's threads on top of them
would fight them for the cores. (A training run and its reporter with two OpenBLAS threads each trained a
2-128-128-1 MLP 2.1x slower than with one.) Set here, before numpy is loaded, so that the processes the
server starts (its training workers' forkserver too) inherit it.
"""

import os

BLAS_THREADS = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
for _name, _value in BLAS_THREADS.items():
    os.environ.setdefault(_name, _value)
