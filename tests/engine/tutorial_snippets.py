"""Code from PyTorch's beginner tutorials (Learn the Basics, the 60-minute blitz, Learning PyTorch with
Examples, the intro video series), idioms learners write after them (LEARNER_IDIOMS), seeded random
tensors (SEEDED_RANDOM: the engine draws PyTorch's numbers), and what real PyTorch 2.13 printed for
them, recorded as literals.

Other random values that get printed were replaced by fixed ones, and datasets by small made-up
tensors; object addresses are written ``0x…``.
"""

# fmt: off
TENSORS = r"""
import torch
import numpy as np
data = [[1, 2],[3, 4]]
x_data = torch.tensor(data)
np_array = np.array(data)
x_np = torch.from_numpy(np_array)
print(x_np)
x_ones = torch.ones_like(x_data)
print(f"Ones Tensor: \n {x_ones} \n")
x_rand = torch.rand_like(x_data, dtype=torch.float)
print(x_rand.dtype, x_rand.shape)
shape = (2,3,)
rand_tensor = torch.rand(shape)
ones_tensor = torch.ones(shape)
zeros_tensor = torch.zeros(shape)
print(rand_tensor.shape)
print(f"Ones Tensor: \n {ones_tensor} \n")
print(f"Zeros Tensor: \n {zeros_tensor}")
tensor = torch.rand(3,4)
print(f"Shape of tensor: {tensor.shape}")
print(f"Datatype of tensor: {tensor.dtype}")
print(f"Device tensor is stored on: {tensor.device}")
if torch.accelerator.is_available():
    tensor = tensor.to(torch.accelerator.current_accelerator())
tensor = torch.ones(4, 4)
print(f"First row: {tensor[0]}")
print(f"First column: {tensor[:, 0]}")
print(f"Last column: {tensor[..., -1]}")
tensor[:,1] = 0
print(tensor)
t1 = torch.cat([tensor, tensor, tensor], dim=1)
print(t1)
y1 = tensor @ tensor.T
y2 = tensor.matmul(tensor.T)
y3 = torch.rand_like(y1)
torch.matmul(tensor, tensor.T, out=y3)
print(y1, y2, y3)
z1 = tensor * tensor
z2 = tensor.mul(tensor)
z3 = torch.rand_like(tensor)
torch.mul(tensor, tensor, out=z3)
print(z1, z2, z3)
agg = tensor.sum()
agg_item = agg.item()
print(agg_item, type(agg_item))
print(f"{tensor} \n")
tensor.add_(5)
print(tensor)
t = torch.ones(5)
print(f"t: {t}")
n = t.numpy()
print(f"n: {n}")
t.add_(1)
print(f"t: {t}")
print(f"n: {n}")
n = np.ones(5)
t = torch.from_numpy(n)
np.add(n, 1, out=n)
print(f"t: {t}")
print(f"n: {n}")
"""


AUTOGRAD = r"""
import torch
x = torch.ones(5)
y = torch.zeros(3)
w = torch.randn(5, 3, requires_grad=True)
b = torch.randn(3, requires_grad=True)
z = torch.matmul(x, w)+b
loss = torch.nn.functional.binary_cross_entropy_with_logits(z, y)
print(f"Gradient function for z = {z.grad_fn}")
print(f"Gradient function for loss = {loss.grad_fn}")
loss.backward()
print(w.grad.shape, b.grad.shape)
z = torch.matmul(x, w)+b
print(z.requires_grad)
with torch.no_grad():
    z = torch.matmul(x, w)+b
print(z.requires_grad)
z = torch.matmul(x, w)+b
z_det = z.detach()
print(z_det.requires_grad)
inp = torch.eye(4, 5, requires_grad=True)
out = (inp+1).pow(2).t()
out.backward(torch.ones_like(out), retain_graph=True)
print(f"First call\n{inp.grad}")
out.backward(torch.ones_like(out), retain_graph=True)
print(f"\nSecond call\n{inp.grad}")
inp.grad.zero_()
out.backward(torch.ones_like(out), retain_graph=True)
print(f"\nCall after zeroing gradients\n{inp.grad}")
"""


BUILD_MODEL = r"""
import torch
from torch import nn
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
print(f"Using {device} device")
class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28*28, 512),
            nn.ReLU(),
            nn.Linear(512, 512),
            nn.ReLU(),
            nn.Linear(512, 10),
        )
    def forward(self, x):
        x = self.flatten(x)
        logits = self.linear_relu_stack(x)
        return logits
model = NeuralNetwork().to(device)
print(model)
X = torch.rand(1, 28, 28, device=device)
logits = model(X)
pred_probab = nn.Softmax(dim=1)(logits)
y_pred = pred_probab.argmax(1)
print(y_pred.shape, y_pred.dtype)
input_image = torch.rand(3,28,28)
print(input_image.size())
flatten = nn.Flatten()
flat_image = flatten(input_image)
print(flat_image.size())
layer1 = nn.Linear(in_features=28*28, out_features=20)
hidden1 = layer1(flat_image)
print(hidden1.size())
hidden1 = nn.ReLU()(hidden1)
seq_modules = nn.Sequential(flatten, layer1, nn.ReLU(), nn.Linear(20, 10))
input_image = torch.rand(3,28,28)
logits = seq_modules(input_image)
softmax = nn.Softmax(dim=1)
pred_probab = softmax(logits)
print(f"Model structure: {model}\n\n")
for name, param in model.named_parameters():
    print(f"Layer: {name} | Size: {param.size()} | Values : {param[:2].shape} {param[:2].grad_fn}\n")
print(seq_modules)
"""


BLITZ_AUTOGRAD = r"""
import torch
a = torch.tensor([2., 3.], requires_grad=True)
b = torch.tensor([6., 4.], requires_grad=True)
Q = 3*a**3 - b**2
external_grad = torch.tensor([1., 1.])
Q.backward(gradient=external_grad)
print(9*a**2 == a.grad)
print(-2*b == b.grad)
x = torch.rand(5, 5)
y = torch.rand(5, 5)
z = torch.rand((5, 5), requires_grad=True)
a = x + y
print(f"Does `a` require gradients?: {a.requires_grad}")
b = x + z
print(f"Does `b` require gradients?: {b.requires_grad}")
print(Q.grad_fn, Q.grad_fn.next_functions)
"""


INTRO_AUTOGRAD_GRAPH = r"""
import torch, math
a = torch.linspace(0., 2. * math.pi, steps=25, requires_grad=True)
print(a)
b = torch.sin(a)
print(b)
c = 2 * b
print(c)
d = c + 1
print(d)
out = d.sum()
print(out)
print('d:')
print(d.grad_fn)
print(d.grad_fn.next_functions)
print(d.grad_fn.next_functions[0][0].next_functions)
print(d.grad_fn.next_functions[0][0].next_functions[0][0].next_functions)
print(d.grad_fn.next_functions[0][0].next_functions[0][0].next_functions[0][0].next_functions)
print('\nc:')
print(c.grad_fn)
print('\nb:')
print(b.grad_fn)
print('\na:')
print(a.grad_fn)
out.backward()
print(a.grad)
"""


INTRO_AUTOGRAD_MODES = r"""
import torch
a = torch.ones(2, 3, requires_grad=True)
print(a)
b1 = 2 * a
print(b1)
a.requires_grad = False
b2 = 2 * a
print(b2)
a = torch.ones(2, 3, requires_grad=True) * 2
b = torch.ones(2, 3, requires_grad=True) * 3
c1 = a + b
print(c1)
with torch.no_grad():
    c2 = a + b
print(c2)
c3 = a * b
print(c3)
def add_tensors1(x, y):
    return x + y
@torch.no_grad()
def add_tensors2(x, y):
    return x + y
a = torch.ones(2, 3, requires_grad=True) * 2
b = torch.ones(2, 3, requires_grad=True) * 3
c1 = add_tensors1(a, b)
print(c1)
c2 = add_tensors2(a, b)
print(c2)
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = x.detach()
print(x)
print(y)
import math
a = torch.linspace(0., 2. * math.pi, steps=25, requires_grad=True)
try:
    torch.sin_(a)
except RuntimeError as e:
    print(e)
"""


INTRO_VECTOR_JACOBIAN = r"""
import torch
x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
y = x * 2
while y.data.norm() < 1000:
    y = y * 2
print(y)
v = torch.tensor([0.1, 1.0, 0.0001], dtype=torch.float)
y.backward(v)
print(x.grad)
"""


INTRO_TINY_MODEL = r"""
import torch
BATCH_SIZE = 16
DIM_IN = 1000
HIDDEN_SIZE = 100
DIM_OUT = 10
class TinyModel(torch.nn.Module):
    def __init__(self):
        super(TinyModel, self).__init__()
        self.layer1 = torch.nn.Linear(DIM_IN, HIDDEN_SIZE)
        self.relu = torch.nn.ReLU()
        self.layer2 = torch.nn.Linear(HIDDEN_SIZE, DIM_OUT)
    def forward(self, x):
        x = self.layer1(x)
        x = self.relu(x)
        x = self.layer2(x)
        return x
some_input = torch.randn(BATCH_SIZE, DIM_IN, requires_grad=False)
ideal_output = torch.randn(BATCH_SIZE, DIM_OUT, requires_grad=False)
model = TinyModel()
print(model.layer2.weight[0][0:10].shape, model.layer2.weight[0][0:10].grad_fn)
print(model.layer2.weight.grad)
optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
prediction = model(some_input)
loss = (ideal_output - prediction).pow(2).sum()
print(loss.grad_fn)
loss.backward()
print(model.layer2.weight.grad[0][0:10].shape)
optimizer.step()
optimizer.zero_grad(set_to_none=False)
print(model.layer2.weight.grad[0][0:10])
print(model)
"""


BLITZ_OLD_AUTOGRAD = r"""
import torch
x = torch.ones(2, 2, requires_grad=True)
print(x)
y = x + 2
print(y)
print(y.grad_fn)
z = y * y * 3
out = z.mean()
print(z, out)
a = torch.tensor([[1., 2.], [3., 4.]])
a = ((a * 3) / (a - 1))
print(a.requires_grad)
a.requires_grad_(True)
print(a.requires_grad)
b = (a * a).sum()
print(b.grad_fn)
out.backward()
print(x.grad)
print(x.requires_grad)
print((x ** 2).requires_grad)
with torch.no_grad():
    print((x ** 2).requires_grad)
print(x.requires_grad)
y = x.detach()
print(y.requires_grad)
print(x.eq(y).all())
"""


INTRO_JACOBIAN = r"""
import torch
def exp_adder(x, y):
    return 2 * x.exp() + 3 * y
inputs = (torch.tensor([0.5, 1.0]), torch.tensor([0.25, 0.75]))
print(inputs)
print(torch.autograd.functional.jacobian(exp_adder, inputs))
inputs = (torch.tensor([0.5, 1.0, 2.0]), torch.tensor([0.25, 0.75, 1.5]))
print(torch.autograd.functional.jacobian(exp_adder, inputs))
def do_some_doubling(x):
    y = x * 2
    while y.data.norm() < 1000:
        y = y * 2
    return y
inputs = torch.tensor([0.5, -1.0, 2.0])
my_gradients = torch.tensor([0.1, 1.0, 0.0001])
print(torch.autograd.functional.vjp(do_some_doubling, inputs, v=my_gradients))
"""


EXAMPLES_POLYNOMIAL_AUTOGRAD = r"""
import torch, math
dtype = torch.float
device = torch.device("cpu")
x = torch.linspace(-math.pi, math.pi, 2000, device=device, dtype=dtype)
y = torch.sin(x)
a = torch.tensor(0.1, device=device, dtype=dtype, requires_grad=True)
b = torch.tensor(-0.2, device=device, dtype=dtype, requires_grad=True)
c = torch.tensor(0.3, device=device, dtype=dtype, requires_grad=True)
d = torch.tensor(0.05, device=device, dtype=dtype, requires_grad=True)
learning_rate = 1e-6
for t in range(200):
    y_pred = a + b * x + c * x ** 2 + d * x ** 3
    loss = (y_pred - y).pow(2).sum()
    if t % 50 == 49:
        print(t, f"{loss.item():.2f}")
    loss.backward()
    with torch.no_grad():
        a -= learning_rate * a.grad
        b -= learning_rate * b.grad
        c -= learning_rate * c.grad
        d -= learning_rate * d.grad
        a.grad = None
        b.grad = None
        c.grad = None
        d.grad = None
print(f'Result: y = {a.item():.4f} + {b.item():.4f} x + {c.item():.4f} x^2 + {d.item():.4f} x^3')
"""


EXAMPLES_POLYNOMIAL_NN = r"""
import torch, math
x = torch.linspace(-math.pi, math.pi, 2000)
y = torch.sin(x)
p = torch.tensor([1, 2, 3])
xx = x.unsqueeze(-1).pow(p)
print(xx.shape, xx.dtype)
model = torch.nn.Sequential(
    torch.nn.Linear(3, 1),
    torch.nn.Flatten(0, 1)
)
with torch.no_grad():
    model[0].weight.copy_(torch.tensor([[0.5, -0.1, 0.02]]))
    model[0].bias.fill_(0.1)
loss_fn = torch.nn.MSELoss(reduction='sum')
learning_rate = 1e-6
for t in range(300):
    y_pred = model(xx)
    loss = loss_fn(y_pred, y)
    if t % 100 == 99:
        print(t, f"{loss.item():.3f}")
    model.zero_grad()
    loss.backward()
    with torch.no_grad():
        for param in model.parameters():
            param -= learning_rate * param.grad
linear_layer = model[0]
print(f'Result: y = {linear_layer.bias.item():.5f} + {linear_layer.weight[:, 0].item():.5f} x + '
      f'{linear_layer.weight[:, 1].item():.5f} x^2 + {linear_layer.weight[:, 2].item():.5f} x^3')
print(model)
print(y_pred.grad_fn, loss.grad_fn)
"""


INTRO_TENSORS_MATH = r"""
import math
import torch
import numpy as np
torch.manual_seed(1729)
x = torch.empty(3, 4)
print(type(x))
zeros = torch.zeros(2, 3)
print(zeros)
ones = torch.ones(2, 3)
print(ones)
x = torch.empty(2, 2, 3)
print(x.shape)
empty_like_x = torch.empty_like(x)
print(empty_like_x.shape)
some_constants = torch.tensor([[3.1415926, 2.71828], [1.61803, 0.0072897]])
print(some_constants)
some_integers = torch.tensor((2, 3, 5, 7, 11, 13, 17, 19))
print(some_integers)
more_integers = torch.tensor(((2, 4, 6), [3, 6, 9]))
print(more_integers)
a = torch.ones((2, 3), dtype=torch.int16)
print(a)
b = torch.tensor([[1.5, 2.25, 3.0],[4.0,5.5,6.75]], dtype=torch.float64) * 20.
print(b)
c = b.to(torch.int32)
print(c)
ones = torch.zeros(2, 2) + 1
twos = torch.ones(2, 2) * 2
threes = (torch.ones(2, 2) * 7 - 1) / 2
fours = twos ** 2
sqrt2s = twos ** 0.5
print(ones)
print(twos)
print(threes)
print(fours)
print(sqrt2s)
powers2 = twos ** torch.tensor([[1, 2], [3, 4]])
print(powers2)
fives = ones + fours
print(fives)
dozens = threes * fours
print(dozens)
rand = torch.tensor([[0.2, 0.7], [0.1, 0.9]])
doubled = rand * (torch.ones(1, 2) * 2)
print(rand)
print(doubled)
a = torch.tensor([[0.5, -0.25], [0.75, -1.0]]) * 2 - 1
print('Common functions:')
print(torch.abs(a))
print(torch.ceil(a))
print(torch.floor(a))
print(torch.clamp(a, -0.5, 0.5))
angles = torch.tensor([0, math.pi / 4, math.pi / 2, 3 * math.pi / 4])
sines = torch.sin(angles)
inverses = torch.asin(sines)
print('\nSine and arcsine:')
print(angles)
print(sines)
print(inverses)
print('\nBitwise XOR:')
b = torch.tensor([1, 5, 11])
c = torch.tensor([2, 7, 10])
print(torch.bitwise_xor(b, c))
print('\nBroadcasted, element-wise equality comparison:')
d = torch.tensor([[1., 2.], [3., 4.]])
e = torch.ones(1, 2)
print(torch.eq(d, e))
print('\nReduction ops:')
print(torch.max(d))
print(torch.max(d).item())
print(torch.mean(d))
print(torch.std(d))
print(torch.prod(d))
print(torch.unique(torch.tensor([1, 2, 1, 2, 1, 2])))
v1 = torch.tensor([1., 0., 0.])
v2 = torch.tensor([0., 1., 0.])
m1 = torch.tensor([[2., 0.], [0., 2.]])
m2 = torch.tensor([[1., 2.], [3., 4.]])
print(m1)
m3 = torch.matmul(m1, m2)
print(m3)
"""


INTRO_TENSORS_IN_PLACE = r"""
import torch, math
a = torch.tensor([0, math.pi / 4, math.pi / 2, 3 * math.pi / 4])
print('a:')
print(a)
print(torch.sin(a))
print(a)
b = torch.tensor([0, math.pi / 4, math.pi / 2, 3 * math.pi / 4])
print('\nb:')
print(b)
print(torch.sin_(b))
print(b)
a = torch.ones(2, 2)
b = torch.tensor([[0.5, 0.25], [1.5, 2.0]])
print('Before:')
print(a)
print(b)
print('\nAfter adding:')
print(a.add_(b))
print(a)
print(b)
print('\nAfter multiplying')
print(b.mul_(b))
print(b)
a = torch.tensor([[0.5, 0.25], [1.5, 2.0]])
b = torch.tensor([[1.5, 0.25], [3.5, 2.0]])
c = torch.zeros(2, 2)
old_id = id(c)
print(c)
d = torch.matmul(a, b, out=c)
print(c)
assert c is d
assert id(c) == old_id
torch.rand(2, 2, out=c)
print(c.shape)
assert id(c) == old_id
a = torch.ones(2, 2)
b = a
a[0][1] = 561
print(b)
a = torch.ones(2, 2)
b = a.clone()
assert b is not a
print(torch.eq(a, b))
a[0][1] = 561
print(b)
a = torch.tensor([[0.5, 0.25], [1.5, 2.0]], requires_grad=True)
print(a)
b = a.clone()
print(b)
c = a.detach().clone()
print(c)
print(a)
a = torch.ones(3, 226, 226)
b = a.unsqueeze(0)
print(a.shape)
print(b.shape)
c = torch.tensor([[[0.5]]])
print(c.shape)
d = c.squeeze(0)
print(d.shape)
a = torch.ones(4, 3, 2)
c = a * torch.ones(3, 1)
print(c.shape)
a = torch.ones(4, 3, 2)
b = torch.ones(3)
c = b.unsqueeze(1)
print(c.shape)
print(a * c)
batch_me = torch.tensor([0.1, 0.2, 0.3])
print(batch_me.shape)
batch_me.unsqueeze_(0)
print(batch_me.shape)
output3d = torch.ones(6, 20, 20)
input1d = output3d.reshape(6 * 20 * 20)
print(input1d.shape)
print(torch.reshape(output3d, (6 * 20 * 20,)).shape)
import numpy as np
numpy_array = np.ones((2, 3))
print(numpy_array)
pytorch_tensor = torch.from_numpy(numpy_array)
print(pytorch_tensor)
pytorch_rand = torch.tensor([[0.25, 0.5, 0.75],[1., 0., 0.5]])
numpy_rand = pytorch_rand.numpy()
print(pytorch_rand)
print(numpy_rand)
numpy_array[1, 1] = 23
print(pytorch_tensor)
pytorch_rand[1, 1] = 17
print(numpy_rand)
"""


OPTIMIZATION_LOOP = r"""
import torch
from torch import nn

class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(4*4, 8),
            nn.ReLU(),
            nn.Linear(8, 3),
        )

    def forward(self, x):
        x = self.flatten(x)
        logits = self.linear_relu_stack(x)
        return logits

model = NeuralNetwork()
with torch.no_grad():
    for param in model.parameters():
        param.copy_(torch.linspace(-0.5, 0.5, param.numel()).reshape(param.shape))
X = torch.linspace(0, 1, 6 * 16).reshape(6, 4, 4)
y = torch.tensor([0, 2, 1, 0, 2, 1])
learning_rate = 1e-1
batch_size = 2
epochs = 3
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)

def train_loop(model, loss_fn, optimizer):
    size = len(X)
    model.train()
    for batch in range(size // batch_size):
        rows = slice(batch * batch_size, (batch + 1) * batch_size)
        xb, yb = X[rows], y[rows]
        pred = model(xb)
        loss = loss_fn(pred, yb)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        loss, current = loss.item(), batch * batch_size + len(xb)
        print(f"loss: {loss:>7.4f}  [{current:>5d}/{size:>5d}]")

def test_loop(model, loss_fn):
    model.eval()
    test_loss, correct = 0, 0
    with torch.no_grad():
        pred = model(X)
        test_loss += loss_fn(pred, y).item()
        correct += (pred.argmax(1) == y).type(torch.float).sum().item()
    correct /= len(X)
    print(f"Test Error: \n Accuracy: {(100*correct):>0.1f}%, Avg loss: {test_loss:>8.4f} \n")

for t in range(epochs):
    print(f"Epoch {t+1}\n-------------------------------")
    train_loop(model, loss_fn, optimizer)
    test_loop(model, loss_fn)
print("Done!")
print(model)
"""


BLITZ_NEURAL_NETWORK = r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.fc1 = nn.Linear(6, 5)
        self.fc2 = nn.Linear(5, 4)
        self.fc3 = nn.Linear(4, 3)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x

net = Net()
print(net)
params = list(net.parameters())
print(len(params))
print(params[0].size())
with torch.no_grad():
    for param in net.parameters():
        param.copy_(torch.linspace(-0.3, 0.6, param.numel()).reshape(param.shape))
input = torch.linspace(-1, 1, 6).view(1, 6)
out = net(input)
print(out)
net.zero_grad()
out.backward(torch.tensor([[0.1, -0.2, 0.3]]))
output = net(input)
target = torch.tensor([0.5, -0.5, 1.0])
target = target.view(1, -1)
criterion = nn.MSELoss()
loss = criterion(output, target)
print(loss)
print(loss.grad_fn)
print(loss.grad_fn.next_functions[0][0])
print(loss.grad_fn.next_functions[0][0].next_functions[0][0])
net.zero_grad()
print('fc1.bias.grad before backward')
print(net.fc1.bias.grad)
loss.backward()
print('fc1.bias.grad after backward')
print(net.fc1.bias.grad)
learning_rate = 0.01
for f in net.parameters():
    f.data.sub_(f.grad.data * learning_rate)
print(net.fc3.bias)
optimizer = optim.SGD(net.parameters(), lr=0.01)
optimizer.zero_grad()
output = net(input)
loss = criterion(output, target)
loss.backward()
optimizer.step()
print(net.fc3.bias)
print(optimizer)
"""


LEARNER_IDIOMS = r"""
import torch
x = torch.tensor([[1., -2., 3.], [4., 5., -6.]])
x.requires_grad = True
y = (x.pow(2).sum(dim=1, keepdim=True) / x.norm()).mean()
y.backward()
print(x.grad)
print(x.grad.data)
print(x.data)
print(x.argmax(), x.argmax(dim=1), torch.argmax(x, 0), x.argmin(1, keepdim=True))
print(x.float().dtype, x.double(), x.long(), x.int(), x.type(torch.float64).dtype, x.type())
print(x.size(0), x.size(), x.numel(), x.dim(), len(x), x.shape[1])
print(x.mean(dim=0), x.std(), x.var(1), x.sum(), torch.sum(x, 1))
print(torch.Tensor([1, 2]), torch.Tensor(2, 3).shape, torch.FloatTensor([1, 2]), torch.LongTensor([3]))
print(x.view(-1, 2).shape, x.T @ x.detach(), x.t().shape)
print(torch.sqrt(torch.tensor(2.)), torch.tensor(3.0) ** 2, torch.exp(torch.tensor([0., 1.])))
z = x.clone().detach()
z[0] += 1
z += 1
print(z)
print(z.masked_fill(z > 3, 0.0))
print(torch.zeros_like(x), torch.full((2, 2), 7.), torch.arange(5), torch.arange(0, 1, 0.25), torch.eye(2))
w = torch.randn(3, requires_grad=True)
print(w.grad_fn, w.is_leaf, (w * 2).is_leaf, (w*2).grad_fn.next_functions[0][0].variable is w)
print(torch.tensor([3, 1, 2]).sort(), torch.topk(torch.tensor([3., 1, 2]), 2))
print(x.softmax(dim=-1).sum(1), torch.nn.functional.softmax(x, dim=1).shape)
print(x.detach().numpy(), x.tolist(), x[0, 1].item(), float(x[0, 0].detach()), int(x[1, 0].detach()))
print(torch.tensor(2.5).item(), torch.tensor([True, False]))
print(torch.tensor([1, 2]).dtype, torch.tensor([1.5]).dtype)
print(x.max(), x.min(dim=0), torch.max(x, 1))
print(torch.mean(torch.tensor([1, 2, 3]).float()))
m = torch.tensor([[1, 2], [3, 4]])
print(m * m, torch.tensor([1, 2]) / 2, torch.tensor([7, 8]) // 3)
a = torch.ones(2, 2, requires_grad=True)
b = a * 2
b += 1
print(b, b.grad_fn)
c = a + 0
c[0, 0] = 5
print(c, c.grad_fn)
print(torch.rand(3).shape, torch.randint(0, 10, (2, 3)).dtype, torch.randn(2, 2).dtype)
print(torch.linspace(0, 1, 5), torch.tensor([0.1, 0.2]) + torch.tensor([0.2, 0.1]))
print(torch.tensor([1e-5, 1e5]), torch.tensor([1.23456789]), torch.tensor([100., 2.5]))
"""


SEEDED_RANDOM = r"""
import torch
torch.manual_seed(1729)
random1 = torch.rand(2, 3)
print(random1)
random2 = torch.rand(2, 3)
print(random2)
torch.manual_seed(1729)
random3 = torch.rand(2, 3)
print(random3)
random4 = torch.rand(2, 3)
print(random4)
torch.manual_seed(42)
print(torch.randn(2, 3))
print(torch.randint(0, 10, (2, 4)))
print(torch.randperm(6))
print(torch.rand(3, dtype=torch.float64))
print(torch.empty(2, 2).uniform_(-1, 1), torch.empty(3).normal_(0.5, 2.0))
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.Tanh(), torch.nn.Linear(2, 1))
for name, param in model.named_parameters():
    print(name, param)
x = torch.rand(4, 3)
print(model(x))
print(torch.initial_seed())
"""

PRINTED = {
    'TENSORS': (
        'tensor([[1, 2],\n'
        '        [3, 4]])\n'
        'Ones Tensor: \n'
        ' tensor([[1, 1],\n'
        '        [1, 1]]) \n'
        '\n'
        'torch.float32 torch.Size([2, 2])\n'
        'torch.Size([2, 3])\n'
        'Ones Tensor: \n'
        ' tensor([[1., 1., 1.],\n'
        '        [1., 1., 1.]]) \n'
        '\n'
        'Zeros Tensor: \n'
        ' tensor([[0., 0., 0.],\n'
        '        [0., 0., 0.]])\n'
        'Shape of tensor: torch.Size([3, 4])\n'
        'Datatype of tensor: torch.float32\n'
        'Device tensor is stored on: cpu\n'
        'First row: tensor([1., 1., 1., 1.])\n'
        'First column: tensor([1., 1., 1., 1.])\n'
        'Last column: tensor([1., 1., 1., 1.])\n'
        'tensor([[1., 0., 1., 1.],\n'
        '        [1., 0., 1., 1.],\n'
        '        [1., 0., 1., 1.],\n'
        '        [1., 0., 1., 1.]])\n'
        'tensor([[1., 0., 1., 1., 1., 0., 1., 1., 1., 0., 1., 1.],\n'
        '        [1., 0., 1., 1., 1., 0., 1., 1., 1., 0., 1., 1.],\n'
        '        [1., 0., 1., 1., 1., 0., 1., 1., 1., 0., 1., 1.],\n'
        '        [1., 0., 1., 1., 1., 0., 1., 1., 1., 0., 1., 1.]])\n'
        'tensor([[3., 3., 3., 3.],\n'
        '        [3., 3., 3., 3.],\n'
        '        [3., 3., 3., 3.],\n'
        '        [3., 3., 3., 3.]]) tensor([[3., 3., 3., 3.],\n'
        '        [3., 3., 3., 3.],\n'
        '        [3., 3., 3., 3.],\n'
        '        [3., 3., 3., 3.]]) tensor([[3., 3., 3., 3.],\n'
        '        [3., 3., 3., 3.],\n'
        '        [3., 3., 3., 3.],\n'
        '        [3., 3., 3., 3.]])\n'
        'tensor([[1., 0., 1., 1.],\n'
        '        [1., 0., 1., 1.],\n'
        '        [1., 0., 1., 1.],\n'
        '        [1., 0., 1., 1.]]) tensor([[1., 0., 1., 1.],\n'
        '        [1., 0., 1., 1.],\n'
        '        [1., 0., 1., 1.],\n'
        '        [1., 0., 1., 1.]]) tensor([[1., 0., 1., 1.],\n'
        '        [1., 0., 1., 1.],\n'
        '        [1., 0., 1., 1.],\n'
        '        [1., 0., 1., 1.]])\n'
        "12.0 <class 'float'>\n"
        'tensor([[1., 0., 1., 1.],\n'
        '        [1., 0., 1., 1.],\n'
        '        [1., 0., 1., 1.],\n'
        '        [1., 0., 1., 1.]]) \n'
        '\n'
        'tensor([[6., 5., 6., 6.],\n'
        '        [6., 5., 6., 6.],\n'
        '        [6., 5., 6., 6.],\n'
        '        [6., 5., 6., 6.]])\n'
        't: tensor([1., 1., 1., 1., 1.])\n'
        'n: [1. 1. 1. 1. 1.]\n'
        't: tensor([2., 2., 2., 2., 2.])\n'
        'n: [2. 2. 2. 2. 2.]\n'
        't: tensor([2., 2., 2., 2., 2.], dtype=torch.float64)\n'
        'n: [2. 2. 2. 2. 2.]\n'
    ),
    'AUTOGRAD': (
        'Gradient function for z = <AddBackward0 object at 0x…>\n'
        'Gradient function for loss = <BinaryCrossEntropyWithLogitsBackward0 object at 0x…>\n'
        'torch.Size([5, 3]) torch.Size([3])\n'
        'True\n'
        'False\n'
        'False\n'
        'First call\n'
        'tensor([[4., 2., 2., 2., 2.],\n'
        '        [2., 4., 2., 2., 2.],\n'
        '        [2., 2., 4., 2., 2.],\n'
        '        [2., 2., 2., 4., 2.]])\n'
        '\n'
        'Second call\n'
        'tensor([[8., 4., 4., 4., 4.],\n'
        '        [4., 8., 4., 4., 4.],\n'
        '        [4., 4., 8., 4., 4.],\n'
        '        [4., 4., 4., 8., 4.]])\n'
        '\n'
        'Call after zeroing gradients\n'
        'tensor([[4., 2., 2., 2., 2.],\n'
        '        [2., 4., 2., 2., 2.],\n'
        '        [2., 2., 4., 2., 2.],\n'
        '        [2., 2., 2., 4., 2.]])\n'
    ),
    'BUILD_MODEL': (
        'Using cpu device\n'
        'NeuralNetwork(\n'
        '  (flatten): Flatten(start_dim=1, end_dim=-1)\n'
        '  (linear_relu_stack): Sequential(\n'
        '    (0): Linear(in_features=784, out_features=512, bias=True)\n'
        '    (1): ReLU()\n'
        '    (2): Linear(in_features=512, out_features=512, bias=True)\n'
        '    (3): ReLU()\n'
        '    (4): Linear(in_features=512, out_features=10, bias=True)\n'
        '  )\n'
        ')\n'
        'torch.Size([1]) torch.int64\n'
        'torch.Size([3, 28, 28])\n'
        'torch.Size([3, 784])\n'
        'torch.Size([3, 20])\n'
        'Model structure: NeuralNetwork(\n'
        '  (flatten): Flatten(start_dim=1, end_dim=-1)\n'
        '  (linear_relu_stack): Sequential(\n'
        '    (0): Linear(in_features=784, out_features=512, bias=True)\n'
        '    (1): ReLU()\n'
        '    (2): Linear(in_features=512, out_features=512, bias=True)\n'
        '    (3): ReLU()\n'
        '    (4): Linear(in_features=512, out_features=10, bias=True)\n'
        '  )\n'
        ')\n'
        '\n'
        '\n'
        'Layer: linear_relu_stack.0.weight | Size: torch.Size([512, 784]) | Values : torch.Size([2, 784]) <SliceBackward0 object at 0x…>\n'  # noqa: E501
        '\n'
        'Layer: linear_relu_stack.0.bias | Size: torch.Size([512]) | Values : torch.Size([2]) <SliceBackward0 object at 0x…>\n'  # noqa: E501
        '\n'
        'Layer: linear_relu_stack.2.weight | Size: torch.Size([512, 512]) | Values : torch.Size([2, 512]) <SliceBackward0 object at 0x…>\n'  # noqa: E501
        '\n'
        'Layer: linear_relu_stack.2.bias | Size: torch.Size([512]) | Values : torch.Size([2]) <SliceBackward0 object at 0x…>\n'  # noqa: E501
        '\n'
        'Layer: linear_relu_stack.4.weight | Size: torch.Size([10, 512]) | Values : torch.Size([2, 512]) <SliceBackward0 object at 0x…>\n'  # noqa: E501
        '\n'
        'Layer: linear_relu_stack.4.bias | Size: torch.Size([10]) | Values : torch.Size([2]) <SliceBackward0 object at 0x…>\n'  # noqa: E501
        '\n'
        'Sequential(\n'
        '  (0): Flatten(start_dim=1, end_dim=-1)\n'
        '  (1): Linear(in_features=784, out_features=20, bias=True)\n'
        '  (2): ReLU()\n'
        '  (3): Linear(in_features=20, out_features=10, bias=True)\n'
        ')\n'
    ),
    'BLITZ_AUTOGRAD': (
        'tensor([True, True])\n'
        'tensor([True, True])\n'
        'Does `a` require gradients?: False\n'
        'Does `b` require gradients?: True\n'
        '<SubBackward0 object at 0x…> ((<MulBackward0 object at 0x…>, 0), (<PowBackward0 object at 0x…>, 0))\n'  # noqa: E501
    ),
    'INTRO_AUTOGRAD_GRAPH': (
        'tensor([0.0000, 0.2618, 0.5236, 0.7854, 1.0472, 1.3090, 1.5708, 1.8326, 2.0944,\n'
        '        2.3562, 2.6180, 2.8798, 3.1416, 3.4034, 3.6652, 3.9270, 4.1888, 4.4506,\n'
        '        4.7124, 4.9742, 5.2360, 5.4978, 5.7596, 6.0214, 6.2832],\n'
        '       requires_grad=True)\n'
        'tensor([ 0.0000e+00,  2.5882e-01,  5.0000e-01,  7.0711e-01,  8.6603e-01,\n'
        '         9.6593e-01,  1.0000e+00,  9.6593e-01,  8.6603e-01,  7.0711e-01,\n'
        '         5.0000e-01,  2.5882e-01, -8.7423e-08, -2.5882e-01, -5.0000e-01,\n'
        '        -7.0711e-01, -8.6603e-01, -9.6593e-01, -1.0000e+00, -9.6593e-01,\n'
        '        -8.6603e-01, -7.0711e-01, -5.0000e-01, -2.5882e-01,  1.7485e-07],\n'
        '       grad_fn=<SinBackward0>)\n'
        'tensor([ 0.0000e+00,  5.1764e-01,  1.0000e+00,  1.4142e+00,  1.7321e+00,\n'
        '         1.9319e+00,  2.0000e+00,  1.9319e+00,  1.7321e+00,  1.4142e+00,\n'
        '         1.0000e+00,  5.1764e-01, -1.7485e-07, -5.1764e-01, -1.0000e+00,\n'
        '        -1.4142e+00, -1.7321e+00, -1.9319e+00, -2.0000e+00, -1.9319e+00,\n'
        '        -1.7321e+00, -1.4142e+00, -1.0000e+00, -5.1764e-01,  3.4969e-07],\n'
        '       grad_fn=<MulBackward0>)\n'
        'tensor([ 1.0000e+00,  1.5176e+00,  2.0000e+00,  2.4142e+00,  2.7321e+00,\n'
        '         2.9319e+00,  3.0000e+00,  2.9319e+00,  2.7321e+00,  2.4142e+00,\n'
        '         2.0000e+00,  1.5176e+00,  1.0000e+00,  4.8236e-01, -3.5763e-07,\n'
        '        -4.1421e-01, -7.3205e-01, -9.3185e-01, -1.0000e+00, -9.3185e-01,\n'
        '        -7.3205e-01, -4.1421e-01,  4.7684e-07,  4.8236e-01,  1.0000e+00],\n'
        '       grad_fn=<AddBackward0>)\n'
        'tensor(25., grad_fn=<SumBackward0>)\n'
        'd:\n'
        '<AddBackward0 object at 0x…>\n'
        '((<MulBackward0 object at 0x…>, 0), (None, 0))\n'
        '((<SinBackward0 object at 0x…>, 0), (None, 0))\n'
        '((<AccumulateGrad object at 0x…>, 0),)\n'
        '()\n'
        '\n'
        'c:\n'
        '<MulBackward0 object at 0x…>\n'
        '\n'
        'b:\n'
        '<SinBackward0 object at 0x…>\n'
        '\n'
        'a:\n'
        'None\n'
        'tensor([ 2.0000e+00,  1.9319e+00,  1.7321e+00,  1.4142e+00,  1.0000e+00,\n'
        '         5.1764e-01, -8.7423e-08, -5.1764e-01, -1.0000e+00, -1.4142e+00,\n'
        '        -1.7321e+00, -1.9319e+00, -2.0000e+00, -1.9319e+00, -1.7321e+00,\n'
        '        -1.4142e+00, -1.0000e+00, -5.1764e-01,  2.3850e-08,  5.1764e-01,\n'
        '         1.0000e+00,  1.4142e+00,  1.7321e+00,  1.9319e+00,  2.0000e+00])\n'
    ),
    'INTRO_AUTOGRAD_MODES': (
        'tensor([[1., 1., 1.],\n'
        '        [1., 1., 1.]], requires_grad=True)\n'
        'tensor([[2., 2., 2.],\n'
        '        [2., 2., 2.]], grad_fn=<MulBackward0>)\n'
        'tensor([[2., 2., 2.],\n'
        '        [2., 2., 2.]])\n'
        'tensor([[5., 5., 5.],\n'
        '        [5., 5., 5.]], grad_fn=<AddBackward0>)\n'
        'tensor([[5., 5., 5.],\n'
        '        [5., 5., 5.]])\n'
        'tensor([[6., 6., 6.],\n'
        '        [6., 6., 6.]], grad_fn=<MulBackward0>)\n'
        'tensor([[5., 5., 5.],\n'
        '        [5., 5., 5.]], grad_fn=<AddBackward0>)\n'
        'tensor([[5., 5., 5.],\n'
        '        [5., 5., 5.]])\n'
        'tensor([1., 2., 3.], requires_grad=True)\n'
        'tensor([1., 2., 3.])\n'
        'a leaf Variable that requires grad is being used in an in-place operation.\n'
    ),
    'INTRO_VECTOR_JACOBIAN': (
        'tensor([ 256., -512., 1024.], grad_fn=<MulBackward0>)\n'
        'tensor([5.1200e+01, 5.1200e+02, 5.1200e-02])\n'
    ),
    'INTRO_TINY_MODEL': (
        'torch.Size([10]) <SliceBackward0 object at 0x…>\n'
        'None\n'
        '<SumBackward0 object at 0x…>\n'
        'torch.Size([10])\n'
        'tensor([0., 0., 0., 0., 0., 0., 0., 0., 0., 0.])\n'
        'TinyModel(\n'
        '  (layer1): Linear(in_features=1000, out_features=100, bias=True)\n'
        '  (relu): ReLU()\n'
        '  (layer2): Linear(in_features=100, out_features=10, bias=True)\n'
        ')\n'
    ),
    'BLITZ_OLD_AUTOGRAD': (
        'tensor([[1., 1.],\n'
        '        [1., 1.]], requires_grad=True)\n'
        'tensor([[3., 3.],\n'
        '        [3., 3.]], grad_fn=<AddBackward0>)\n'
        '<AddBackward0 object at 0x…>\n'
        'tensor([[27., 27.],\n'
        '        [27., 27.]], grad_fn=<MulBackward0>) tensor(27., grad_fn=<MeanBackward0>)\n'
        'False\n'
        'True\n'
        '<SumBackward0 object at 0x…>\n'
        'tensor([[4.5000, 4.5000],\n'
        '        [4.5000, 4.5000]])\n'
        'True\n'
        'True\n'
        'False\n'
        'True\n'
        'False\n'
        'tensor(True)\n'
    ),
    'INTRO_JACOBIAN': (
        '(tensor([0.5000, 1.0000]), tensor([0.2500, 0.7500]))\n'
        '(tensor([[3.2974, 0.0000],\n'
        '        [0.0000, 5.4366]]), tensor([[3., 0.],\n'
        '        [0., 3.]]))\n'
        '(tensor([[ 3.2974,  0.0000,  0.0000],\n'
        '        [ 0.0000,  5.4366,  0.0000],\n'
        '        [ 0.0000,  0.0000, 14.7781]]), tensor([[3., 0., 0.],\n'
        '        [0., 3., 0.],\n'
        '        [0., 0., 3.]]))\n'
        '(tensor([ 256., -512., 1024.]), tensor([5.1200e+01, 5.1200e+02, 5.1200e-02]))\n'
    ),
    'EXAMPLES_POLYNOMIAL_AUTOGRAD': (
        '49 970.74\n'
        '99 790.20\n'
        '149 644.26\n'
        '199 525.57\n'
        'Result: y = 0.0332 + 0.1586 x + -0.0057 x^2 + 0.0060 x^3\n'
    ),
    'EXAMPLES_POLYNOMIAL_NN': (
        'torch.Size([2000, 3]) torch.float32\n'
        '99 110.472\n'
        '199 76.416\n'
        '299 53.786\n'
        'Result: y = 0.06778 + 0.66023 x + -0.01169 x^2 + -0.06538 x^3\n'
        'Sequential(\n'
        '  (0): Linear(in_features=3, out_features=1, bias=True)\n'
        '  (1): Flatten(start_dim=0, end_dim=1)\n'
        ')\n'
        '<ViewBackward0 object at 0x…> <MseLossBackward0 object at 0x…>\n'
    ),
    'INTRO_TENSORS_MATH': (
        "<class 'torch.Tensor'>\n"
        'tensor([[0., 0., 0.],\n'
        '        [0., 0., 0.]])\n'
        'tensor([[1., 1., 1.],\n'
        '        [1., 1., 1.]])\n'
        'torch.Size([2, 2, 3])\n'
        'torch.Size([2, 2, 3])\n'
        'tensor([[3.1416, 2.7183],\n'
        '        [1.6180, 0.0073]])\n'
        'tensor([ 2,  3,  5,  7, 11, 13, 17, 19])\n'
        'tensor([[2, 4, 6],\n'
        '        [3, 6, 9]])\n'
        'tensor([[1, 1, 1],\n'
        '        [1, 1, 1]], dtype=torch.int16)\n'
        'tensor([[ 30.,  45.,  60.],\n'
        '        [ 80., 110., 135.]], dtype=torch.float64)\n'
        'tensor([[ 30,  45,  60],\n'
        '        [ 80, 110, 135]], dtype=torch.int32)\n'
        'tensor([[1., 1.],\n'
        '        [1., 1.]])\n'
        'tensor([[2., 2.],\n'
        '        [2., 2.]])\n'
        'tensor([[3., 3.],\n'
        '        [3., 3.]])\n'
        'tensor([[4., 4.],\n'
        '        [4., 4.]])\n'
        'tensor([[1.4142, 1.4142],\n'
        '        [1.4142, 1.4142]])\n'
        'tensor([[ 2.,  4.],\n'
        '        [ 8., 16.]])\n'
        'tensor([[5., 5.],\n'
        '        [5., 5.]])\n'
        'tensor([[12., 12.],\n'
        '        [12., 12.]])\n'
        'tensor([[0.2000, 0.7000],\n'
        '        [0.1000, 0.9000]])\n'
        'tensor([[0.4000, 1.4000],\n'
        '        [0.2000, 1.8000]])\n'
        'Common functions:\n'
        'tensor([[0.0000, 1.5000],\n'
        '        [0.5000, 3.0000]])\n'
        'tensor([[ 0., -1.],\n'
        '        [ 1., -3.]])\n'
        'tensor([[ 0., -2.],\n'
        '        [ 0., -3.]])\n'
        'tensor([[ 0.0000, -0.5000],\n'
        '        [ 0.5000, -0.5000]])\n'
        '\n'
        'Sine and arcsine:\n'
        'tensor([0.0000, 0.7854, 1.5708, 2.3562])\n'
        'tensor([0.0000, 0.7071, 1.0000, 0.7071])\n'
        'tensor([0.0000, 0.7854, 1.5708, 0.7854])\n'
        '\n'
        'Bitwise XOR:\n'
        'tensor([3, 2, 1])\n'
        '\n'
        'Broadcasted, element-wise equality comparison:\n'
        'tensor([[ True, False],\n'
        '        [False, False]])\n'
        '\n'
        'Reduction ops:\n'
        'tensor(4.)\n'
        '4.0\n'
        'tensor(2.5000)\n'
        'tensor(1.2910)\n'
        'tensor(24.)\n'
        'tensor([1, 2])\n'
        'tensor([[2., 0.],\n'
        '        [0., 2.]])\n'
        'tensor([[2., 4.],\n'
        '        [6., 8.]])\n'
    ),
    'INTRO_TENSORS_IN_PLACE': (
        'a:\n'
        'tensor([0.0000, 0.7854, 1.5708, 2.3562])\n'
        'tensor([0.0000, 0.7071, 1.0000, 0.7071])\n'
        'tensor([0.0000, 0.7854, 1.5708, 2.3562])\n'
        '\n'
        'b:\n'
        'tensor([0.0000, 0.7854, 1.5708, 2.3562])\n'
        'tensor([0.0000, 0.7071, 1.0000, 0.7071])\n'
        'tensor([0.0000, 0.7071, 1.0000, 0.7071])\n'
        'Before:\n'
        'tensor([[1., 1.],\n'
        '        [1., 1.]])\n'
        'tensor([[0.5000, 0.2500],\n'
        '        [1.5000, 2.0000]])\n'
        '\n'
        'After adding:\n'
        'tensor([[1.5000, 1.2500],\n'
        '        [2.5000, 3.0000]])\n'
        'tensor([[1.5000, 1.2500],\n'
        '        [2.5000, 3.0000]])\n'
        'tensor([[0.5000, 0.2500],\n'
        '        [1.5000, 2.0000]])\n'
        '\n'
        'After multiplying\n'
        'tensor([[0.2500, 0.0625],\n'
        '        [2.2500, 4.0000]])\n'
        'tensor([[0.2500, 0.0625],\n'
        '        [2.2500, 4.0000]])\n'
        'tensor([[0., 0.],\n'
        '        [0., 0.]])\n'
        'tensor([[1.6250, 0.6250],\n'
        '        [9.2500, 4.3750]])\n'
        'torch.Size([2, 2])\n'
        'tensor([[  1., 561.],\n'
        '        [  1.,   1.]])\n'
        'tensor([[True, True],\n'
        '        [True, True]])\n'
        'tensor([[1., 1.],\n'
        '        [1., 1.]])\n'
        'tensor([[0.5000, 0.2500],\n'
        '        [1.5000, 2.0000]], requires_grad=True)\n'
        'tensor([[0.5000, 0.2500],\n'
        '        [1.5000, 2.0000]], grad_fn=<CloneBackward0>)\n'
        'tensor([[0.5000, 0.2500],\n'
        '        [1.5000, 2.0000]])\n'
        'tensor([[0.5000, 0.2500],\n'
        '        [1.5000, 2.0000]], requires_grad=True)\n'
        'torch.Size([3, 226, 226])\n'
        'torch.Size([1, 3, 226, 226])\n'
        'torch.Size([1, 1, 1])\n'
        'torch.Size([1, 1])\n'
        'torch.Size([4, 3, 2])\n'
        'torch.Size([3, 1])\n'
        'tensor([[[1., 1.],\n'
        '         [1., 1.],\n'
        '         [1., 1.]],\n'
        '\n'
        '        [[1., 1.],\n'
        '         [1., 1.],\n'
        '         [1., 1.]],\n'
        '\n'
        '        [[1., 1.],\n'
        '         [1., 1.],\n'
        '         [1., 1.]],\n'
        '\n'
        '        [[1., 1.],\n'
        '         [1., 1.],\n'
        '         [1., 1.]]])\n'
        'torch.Size([3])\n'
        'torch.Size([1, 3])\n'
        'torch.Size([2400])\n'
        'torch.Size([2400])\n'
        '[[1. 1. 1.]\n'
        ' [1. 1. 1.]]\n'
        'tensor([[1., 1., 1.],\n'
        '        [1., 1., 1.]], dtype=torch.float64)\n'
        'tensor([[0.2500, 0.5000, 0.7500],\n'
        '        [1.0000, 0.0000, 0.5000]])\n'
        '[[0.25 0.5  0.75]\n'
        ' [1.   0.   0.5 ]]\n'
        'tensor([[ 1.,  1.,  1.],\n'
        '        [ 1., 23.,  1.]], dtype=torch.float64)\n'
        '[[ 0.25  0.5   0.75]\n'
        ' [ 1.   17.    0.5 ]]\n'
    ),
    'OPTIMIZATION_LOOP': (
        'Epoch 1\n'
        '-------------------------------\n'
        'loss:  1.5675  [    2/    6]\n'
        'loss:  5.3850  [    4/    6]\n'
        'loss:  0.7348  [    6/    6]\n'
        'Test Error: \n'
        ' Accuracy: 33.3%, Avg loss:   1.4364 \n'
        '\n'
        'Epoch 2\n'
        '-------------------------------\n'
        'loss:  1.2373  [    2/    6]\n'
        'loss:  2.2525  [    4/    6]\n'
        'loss:  1.3551  [    6/    6]\n'
        'Test Error: \n'
        ' Accuracy: 33.3%, Avg loss:   1.2824 \n'
        '\n'
        'Epoch 3\n'
        '-------------------------------\n'
        'loss:  1.1789  [    2/    6]\n'
        'loss:  1.9211  [    4/    6]\n'
        'loss:  1.4319  [    6/    6]\n'
        'Test Error: \n'
        ' Accuracy: 33.3%, Avg loss:   1.2676 \n'
        '\n'
        'Done!\n'
        'NeuralNetwork(\n'
        '  (flatten): Flatten(start_dim=1, end_dim=-1)\n'
        '  (linear_relu_stack): Sequential(\n'
        '    (0): Linear(in_features=16, out_features=8, bias=True)\n'
        '    (1): ReLU()\n'
        '    (2): Linear(in_features=8, out_features=3, bias=True)\n'
        '  )\n'
        ')\n'
    ),
    'BLITZ_NEURAL_NETWORK': (
        'Net(\n'
        '  (fc1): Linear(in_features=6, out_features=5, bias=True)\n'
        '  (fc2): Linear(in_features=5, out_features=4, bias=True)\n'
        '  (fc3): Linear(in_features=4, out_features=3, bias=True)\n'
        ')\n'
        '6\n'
        'torch.Size([5, 6])\n'
        'tensor([[-0.5504,  0.7968,  2.1441]], grad_fn=<AddmmBackward0>)\n'
        'tensor(1.3646, grad_fn=<MseLossBackward0>)\n'
        '<MseLossBackward0 object at 0x…>\n'
        '<AddmmBackward0 object at 0x…>\n'
        '<AccumulateGrad object at 0x…>\n'
        'fc1.bias.grad before backward\n'
        'None\n'
        'fc1.bias.grad after backward\n'
        'tensor([0.0000, 0.4708, 0.5640, 0.6572, 0.7504])\n'
        'Parameter containing:\n'
        'tensor([-0.2930,  0.1414,  0.5924], requires_grad=True)\n'
        'Parameter containing:\n'
        'tensor([-0.2863,  0.1332,  0.5854], requires_grad=True)\n'
        'SGD (\n'
        'Parameter Group 0\n'
        '    dampening: 0\n'
        '    differentiable: False\n'
        '    foreach: None\n'
        '    fused: None\n'
        '    lr: 0.01\n'
        '    maximize: False\n'
        '    momentum: 0\n'
        '    nesterov: False\n'
        '    weight_decay: 0\n'
        ')\n'
    ),
    'LEARNER_IDIOMS': (
        'tensor([[ 0.0524, -0.1048,  0.1572],\n'
        '        [ 0.2097,  0.2621, -0.3145]])\n'
        'tensor([[ 0.0524, -0.1048,  0.1572],\n'
        '        [ 0.2097,  0.2621, -0.3145]])\n'
        'tensor([[ 1., -2.,  3.],\n'
        '        [ 4.,  5., -6.]])\n'
        'tensor(4) tensor([2, 1]) tensor([1, 1, 0]) tensor([[1],\n'
        '        [2]])\n'
        'torch.float32 tensor([[ 1., -2.,  3.],\n'
        '        [ 4.,  5., -6.]], dtype=torch.float64, grad_fn=<ToCopyBackward0>) tensor([[ 1, -2,  3],\n'
        '        [ 4,  5, -6]]) tensor([[ 1, -2,  3],\n'
        '        [ 4,  5, -6]], dtype=torch.int32) torch.float64 torch.FloatTensor\n'
        '2 torch.Size([2, 3]) 6 2 2 3\n'
        'tensor([ 2.5000,  1.5000, -1.5000], grad_fn=<MeanBackward1>) tensor(4.1673, grad_fn=<StdBackward0>) tensor([ 6.3333, 37.0000], grad_fn=<VarBackward0>) tensor(5., grad_fn=<SumBackward0>) tensor([2., 3.], grad_fn=<SumBackward1>)\n'  # noqa: E501
        'tensor([1., 2.]) torch.Size([2, 3]) tensor([1., 2.]) tensor([3])\n'
        'torch.Size([3, 2]) tensor([[ 17.,  18., -21.],\n'
        '        [ 18.,  29., -36.],\n'
        '        [-21., -36.,  45.]], grad_fn=<MmBackward0>) torch.Size([3, 2])\n'
        'tensor(1.4142) tensor(9.) tensor([1.0000, 2.7183])\n'
        'tensor([[ 3.,  0.,  5.],\n'
        '        [ 5.,  6., -5.]])\n'
        'tensor([[ 3.,  0.,  0.],\n'
        '        [ 0.,  0., -5.]])\n'
        'tensor([[0., 0., 0.],\n'
        '        [0., 0., 0.]]) tensor([[7., 7.],\n'
        '        [7., 7.]]) tensor([0, 1, 2, 3, 4]) tensor([0.0000, 0.2500, 0.5000, 0.7500]) tensor([[1., 0.],\n'  # noqa: E501
        '        [0., 1.]])\n'
        'None True False True\n'
        'torch.return_types.sort(\n'
        'values=tensor([1, 2, 3]),\n'
        'indices=tensor([1, 2, 0])) torch.return_types.topk(\n'
        'values=tensor([3., 2.]),\n'
        'indices=tensor([0, 2]))\n'
        'tensor([1., 1.], grad_fn=<SumBackward1>) torch.Size([2, 3])\n'
        '[[ 1. -2.  3.]\n'
        ' [ 4.  5. -6.]] [[1.0, -2.0, 3.0], [4.0, 5.0, -6.0]] -2.0 1.0 4\n'
        '2.5 tensor([ True, False])\n'
        'torch.int64 torch.float32\n'
        'tensor(5., grad_fn=<MaxBackward1>) torch.return_types.min(\n'
        'values=tensor([ 1., -2., -6.], grad_fn=<MinBackward0>),\n'
        'indices=tensor([0, 0, 1])) torch.return_types.max(\n'
        'values=tensor([3., 5.], grad_fn=<MaxBackward0>),\n'
        'indices=tensor([2, 1]))\n'
        'tensor(2.)\n'
        'tensor([[ 1,  4],\n'
        '        [ 9, 16]]) tensor([0.5000, 1.0000]) tensor([2, 2])\n'
        'tensor([[3., 3.],\n'
        '        [3., 3.]], grad_fn=<AddBackward0>) <AddBackward0 object at 0x…>\n'
        'tensor([[5., 1.],\n'
        '        [1., 1.]], grad_fn=<CopySlices>) <CopySlices object at 0x…>\n'
        'torch.Size([3]) torch.int64 torch.float32\n'
        'tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000]) tensor([0.3000, 0.3000])\n'
        'tensor([1.0000e-05, 1.0000e+05]) tensor([1.2346]) tensor([100.0000,   2.5000])\n'
    ),
    'SEEDED_RANDOM': (
        'tensor([[0.3126, 0.3791, 0.3087],\n'
        '        [0.0736, 0.4216, 0.0691]])\n'
        'tensor([[0.2332, 0.4047, 0.2162],\n'
        '        [0.9927, 0.4128, 0.5938]])\n'
        'tensor([[0.3126, 0.3791, 0.3087],\n'
        '        [0.0736, 0.4216, 0.0691]])\n'
        'tensor([[0.2332, 0.4047, 0.2162],\n'
        '        [0.9927, 0.4128, 0.5938]])\n'
        'tensor([[ 0.3367,  0.1288,  0.2345],\n'
        '        [ 0.2303, -1.1229, -0.1863]])\n'
        'tensor([[0, 4, 1, 2],\n'
        '        [5, 5, 7, 6]])\n'
        'tensor([1, 2, 3, 5, 0, 4])\n'
        'tensor([0.1560, 0.5949, 0.0493], dtype=torch.float64)\n'
        'tensor([[-0.8495,  0.7720],\n'
        '        [ 0.1664, -0.3247]]) tensor([-0.9299,  0.7560,  0.1794])\n'
        '0.weight Parameter containing:\n'
        'tensor([[-0.0043,  0.3097, -0.4752],\n'
        '        [-0.4249, -0.2224,  0.1548]], requires_grad=True)\n'
        '0.bias Parameter containing:\n'
        'tensor([-0.0114,  0.4578], requires_grad=True)\n'
        '2.weight Parameter containing:\n'
        'tensor([[-0.0628,  0.1871]], requires_grad=True)\n'
        '2.bias Parameter containing:\n'
        'tensor([-0.2137], requires_grad=True)\n'
        'tensor([[-0.1524],\n'
        '        [-0.1434],\n'
        '        [-0.1841],\n'
        '        [-0.2138]], grad_fn=<AddmmBackward0>)\n'
        '0\n'
    ),
}
# fmt: on
