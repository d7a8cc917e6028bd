"""The article's five examples (../shared/seed/snippets.md) as they run, with what PyTorch prints.

Shared by the engine tests (run as plain Python with ``import engine as torch``) and the server tests.
"""

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
