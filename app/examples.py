"""The article's five examples, laid out as they run, with titles in Japanese and English.

The playground offers them ready to load (``GET /api/examples``); the tests run the same code, so what a
learner loads is exactly what is proven to work.
"""

from __future__ import annotations

from dataclasses import dataclass

FIRST_GRADIENT = """\
import torch
x = torch.tensor(3.0, requires_grad=True)
y = x ** 2 + 2 * x + 1
y.backward()
print(x.grad)  # tensor(8.)
"""

TWO_PATHS = """\
import torch
a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)
c = a * b
d = c + a
d.backward()
print(a.grad)  # tensor(4.)   dc/da + dd/da = b + 1 = 4
print(b.grad)  # tensor(2.)   dc/db = a = 2
"""

ACCUMULATION = """\
import torch
x = torch.tensor(1.0, requires_grad=True)
for i in range(3):
    y = x * 2
    y.backward()
    print(f"ループ {i}: grad = {x.grad}")
    x.grad.zero_()  # without this line the printed grads are 2, 4, 6
"""

NO_GRAD = """\
import torch
model = torch.nn.Linear(10, 1)
x = torch.randn(5, 10)
# training
output = model(x)           # a graph is built
# inference
with torch.no_grad():
    output = model(x)       # no graph
"""

TRAINING = """\
import torch
import torch.nn as nn

model = nn.Linear(1, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
loss_fn = nn.MSELoss()

x = torch.tensor([[1.0], [2.0], [3.0]])
y = torch.tensor([[2.0], [4.0], [6.0]])

for epoch in range(100):
    optimizer.zero_grad()
    pred = model(x)
    loss = loss_fn(pred, y)
    loss.backward()
    optimizer.step()

print(f"weight: {model.weight.item():.3f}, bias: {model.bias.item():.3f}")
"""


@dataclass(frozen=True)
class Example:
    """One runnable example: a stable id, its title in each language, and its code."""

    id: str
    title_ja: str
    title_en: str
    code: str


EXAMPLES: tuple[Example, ...] = (
    Example(
        "first_gradient",
        "はじめての勾配: y = x² + 2x + 1 の x = 3 での傾き",
        "First gradient: the slope of y = x² + 2x + 1 at x = 3",
        FIRST_GRADIENT,
    ),
    Example(
        "two_paths",
        "二つの経路: 同じ変数に届く勾配は足し合わされる",
        "Two paths into one leaf: their gradients add up",
        TWO_PATHS,
    ),
    Example(
        "accumulation",
        "勾配は zero_() するまで蓄積される",
        "Gradients accumulate until zeroed",
        ACCUMULATION,
    ),
    Example(
        "no_grad",
        "no_grad の中では計算グラフが作られない",
        "no_grad builds no graph",
        NO_GRAD,
    ),
    Example(
        "training",
        "学習ループ: zero_grad → 順伝播 → 損失 → backward → step",
        "The training loop: zero_grad, forward, loss, backward, step",
        TRAINING,
    ),
)
