"""The article's five examples (../shared/seed/snippets.md) as they run, with what PyTorch prints.

The code lives in ``app.examples`` (the playground serves it); shared by the engine tests (run as plain Python
with ``import engine as torch``) and the server tests.
"""

from app.examples import ACCUMULATION, FIRST_GRADIENT, NO_GRAD, TRAINING, TWO_PATHS

__all__ = [
    "ACCUMULATION",
    "FIRST_GRADIENT",
    "NO_GRAD",
    "TRAINING",
    "TWO_PATHS",
    "PRINTED",
    "TORCH_START",
    "TORCH_END",
]

PRINTED = {
    "FIRST_GRADIENT": "tensor(8.)\n",
    "TWO_PATHS": "tensor(4.)\ntensor(2.)\n",
    "ACCUMULATION": "ループ 0: grad = 2.0\nループ 1: grad = 2.0\nループ 2: grad = 2.0\n",
    "NO_GRAD": "",
}

# torch.manual_seed(0); nn.Linear(1, 1) in PyTorch 2.13 starts here, and after the 100 epochs of
# TRAINING it ends at these values (float32, read with .item()).
TORCH_START = {"weight": -0.007486820220947266, "bias": 0.5364435911178589}
TORCH_END = {"weight": 1.5886974334716797, "bias": 0.9349558353424072, "loss": 0.12600760161876678}
