"""Tensor and autograd code learners paste from PyTorch's beginner tutorials (and the idioms around it) prints
what PyTorch 2.13 printed: each expected text below was recorded from real PyTorch (CPU), addresses as 0x….

Found by running the same snippets on PyTorch and on the engine and comparing the output.
"""

from __future__ import annotations

import pytest

from tests.engine.test_tutorials import run_as_torch

# fmt: off
CASES = {
    # A hook on a leaf, registered before any graph uses it, doubles every gradient that reaches it.
    "leaf_hook_registered_before_the_graph_changes_the_gradient": (
        r"""
import torch
x = torch.tensor([1., 2.], requires_grad=True)
x.register_hook(lambda g: g * 2)
(x * 3).sum().backward()
print(x.grad)
(x * 3).sum().backward()
print(x.grad)
""",
        (
            'tensor([6., 6.])\n'
            'tensor([12., 12.])\n'
        ),
    ),
    # In-place writes through a view of a leaf (x[0] = 5, x[0].add_(1)) are refused as PyTorch words it;
    # an advanced index or a whole-tensor slice writes the leaf itself; no_grad allows both.
    "writing_through_a_view_of_a_leaf_is_refused_in_pytorchs_words": (
        r"""
import torch
for write in ["x[0] = 5", "x[:, 1] = 0", "x[0][1] = 3", "x[0].add_(1)", "x.view(4).mul_(2)", "x.t().zero_()",
              "x[:] = 5", "x[[0]] = 5", "x[x > 1] = 5", "x[:, [0]] = 5", "x.add_(1)"]:
    x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
    try:
        exec(write)
    except RuntimeError as error:
        print(f"{write}: {error}")
with torch.no_grad():
    x[0] = 5
    x[1].add_(1)
print(x)
""",
        (
            'x[0] = 5: a view of a leaf Variable that requires grad is being used in an in-place operation.\n'
            'x[:, 1] = 0: a view of a leaf Variable that requires grad is being used in an in-place operation.\n'  # noqa: E501
            'x[0][1] = 3: a view of a leaf Variable that requires grad is being used in an in-place operation.\n'  # noqa: E501
            'x[0].add_(1): a view of a leaf Variable that requires grad is being used in an in-place operation.\n'  # noqa: E501
            'x.view(4).mul_(2): a view of a leaf Variable that requires grad is being used in an in-place operation.\n'  # noqa: E501
            'x.t().zero_(): a view of a leaf Variable that requires grad is being used in an in-place operation.\n'  # noqa: E501
            'x[:] = 5: a leaf Variable that requires grad is being used in an in-place operation.\n'
            'x[[0]] = 5: a leaf Variable that requires grad is being used in an in-place operation.\n'
            'x[x > 1] = 5: a leaf Variable that requires grad is being used in an in-place operation.\n'
            'x[:, [0]] = 5: a leaf Variable that requires grad is being used in an in-place operation.\n'
            'x.add_(1): a leaf Variable that requires grad is being used in an in-place operation.\n'
            'tensor([[5., 5.],\n'
            '        [4., 5.]], requires_grad=True)\n'
        ),
    ),
    # nn.Linear on one 1-d sample: the sample viewed as a row, addmm, the row viewed back.
    "linear_on_a_single_sample_records_addmm_between_views": (
        r"""
import torch
lin = torch.nn.Linear(3, 2)
with torch.no_grad():
    lin.weight.copy_(torch.tensor([[1., 0.5, -0.25], [-1., 2., 1.5]]))
    lin.bias.fill_(0.5)
x = torch.tensor([1., 2., 3.], requires_grad=True)
out = lin(x)
print(out)
print(out.grad_fn.next_functions)
print(out.grad_fn.next_functions[0][0].next_functions)
(out * out).sum().backward()
print(x.grad, lin.weight.grad, lin.bias.grad, sep="\n")
""",
        (
            'tensor([1.7500, 8.0000], grad_fn=<ViewBackward0>)\n'
            '((<AddmmBackward0 object at 0x…>, 0),)\n'
            '((<AccumulateGrad object at 0x…>, 0), (<ViewBackward0 object at 0x…>, 0), (<TBackward0 object at 0x…>, 0))\n'  # noqa: E501
            'tensor([-12.5000,  33.7500,  23.1250])\n'
            'tensor([[ 3.5000,  7.0000, 10.5000],\n'
            '        [16.0000, 32.0000, 48.0000]])\n'
            'tensor([ 3.5000, 16.0000])\n'
        ),
    ),
    # A batch times one matrix (or vector): one mm (mv) on the folded batch, viewed back.
    "batch_times_matrix_folds_into_one_mm": (
        r"""
import torch
a = torch.tensor([[[0.5, -1., 2.], [1.5, 0.25, -0.5]], [[1., 2., 3.], [-2., 0., 1.]]], requires_grad=True)
w = torch.tensor([[1., -1.], [0.5, 2.], [-0.25, 1.5]], requires_grad=True)
v = torch.tensor([0.5, -1., 2.], requires_grad=True)
y = a @ w
z = torch.matmul(a, v)
print(y.grad_fn, y.grad_fn.next_functions, y.grad_fn.next_functions[0][0].next_functions)
print(z.grad_fn, z.grad_fn.next_functions)
(y * y).sum().backward()
(z * 3).sum().backward()
print(y, z, a.grad, w.grad, v.grad, sep="\n")
""",
        (
            '<UnsafeViewBackward0 object at 0x…> ((<MmBackward0 object at 0x…>, 0),) ((<ViewBackward0 object at 0x…>, 0), (<AccumulateGrad object at 0x…>, 0))\n'  # noqa: E501
            '<UnsafeViewBackward0 object at 0x…> ((<MvBackward0 object at 0x…>, 0),)\n'
            'tensor([[[-0.5000,  0.5000],\n'
            '         [ 1.7500, -1.7500]],\n'
            '\n'
            '        [[ 1.2500,  7.5000],\n'
            '         [-2.2500,  3.5000]]], grad_fn=<UnsafeViewBackward0>)\n'
            'tensor([[ 5.2500, -0.5000],\n'
            '        [ 4.5000,  1.0000]], grad_fn=<UnsafeViewBackward0>)\n'
            'tensor([[[ -0.5000,  -1.5000,   7.7500],\n'
            '         [  8.5000,  -8.2500,  -0.1250]],\n'
            '\n'
            '        [[-11.0000,  28.2500,  27.8750],\n'
            '         [-10.0000,   8.7500,  17.6250]]])\n'
            'tensor([[16.2500, -3.7500],\n'
            '        [ 6.8750, 28.1250],\n'
            '        [-0.7500, 55.7500]])\n'
            'tensor([ 3.0000,  3.7500, 16.5000])\n'
        ),
    ),
    # Shape and dtype errors of batched products, in PyTorch's words.
    "batched_product_errors_name_the_folded_shapes": (
        r"""
import torch
for left, right in [((4, 2, 3), (4, 2)), ((4, 2, 3), (4,)), ((2, 3), (4, 2, 2)), ((5, 1, 2, 3), (4, 2, 2))]:
    try:
        torch.ones(*left) @ torch.ones(*right)
    except RuntimeError as error:
        print(error)
try:
    torch.ones(4, 2, 3) @ torch.ones(3, dtype=torch.float64)
except RuntimeError as error:
    print(error)
""",
        (
            'mat1 and mat2 shapes cannot be multiplied (8x3 and 4x2)\n'
            'size mismatch, got input (8), mat (8x3), vec (4)\n'
            'Expected size for first two dimensions of batch2 tensor to be: [4, 3] but got: [4, 2].\n'
            'Expected size for first two dimensions of batch2 tensor to be: [20, 3] but got: [20, 2].\n'
            'addmv input tensors must have the same dtype, but got Double, Float, and Double\n'
        ),
    ),
    # type(x.shape), type(x.dtype), type(x.device) print as PyTorch's classes.
    "types_of_shape_dtype_and_device_print_as_torchs": (
        r"""
import torch
x = torch.ones(2)
print(type(x), type(x.shape), type(x.dtype), type(x.device))
print(torch.Size, torch.dtype, torch.device)
""",
        (
            "<class 'torch.Tensor'> <class 'torch.Size'> <class 'torch.dtype'> <class 'torch.device'>\n"
            "<class 'torch.Size'> <class 'torch.dtype'> <class 'torch.device'>\n"
        ),
    ),
    # rand and randn refuse integer and bool types, naming PyTorch's kernel and the type.
    "random_factories_refuse_integer_types_naming_pytorchs_kernel": (
        r"""
import torch
for make in (torch.rand, torch.randn):
    for kind in (torch.int64, torch.int32, torch.bool, torch.uint8):
        try:
            make(2, dtype=kind)
        except NotImplementedError as error:
            print(error)
try:
    torch.rand_like(torch.tensor([[1, 2], [3, 4]]))
except NotImplementedError as error:
    print(error)
""",
        (
            '"check_uniform_bounds" not implemented for \'Long\'\n'
            '"check_uniform_bounds" not implemented for \'Int\'\n'
            '"check_uniform_bounds" not implemented for \'Bool\'\n'
            '"check_uniform_bounds" not implemented for \'Byte\'\n'
            '"normal_kernel_cpu" not implemented for \'Long\'\n'
            '"normal_kernel_cpu" not implemented for \'Int\'\n'
            '"normal_kernel_cpu" not implemented for \'Bool\'\n'
            '"normal_kernel_cpu" not implemented for \'Byte\'\n'
            '"check_uniform_bounds" not implemented for \'Long\'\n'
        ),
    ),
    # x[None] records UnsqueezeBackward0, x[...] AliasBackward0, a mixed index its last step; gradients
    # flow back.
    "indexing_records_the_node_pytorch_names": (
        r"""
import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
print(x[None].grad_fn, x[...].grad_fn, x[:, None].grad_fn, x[None, 0].grad_fn, x[None, :].grad_fn)
print(y[None, :, 0].grad_fn, y[0, None].grad_fn, y[..., 0].grad_fn, y[None, [0]].grad_fn, y[..., 1:].grad_fn)
z = y[None, :, 0] * 1 + y[0, None].sum() + y[...].sum() + y[:, None].sum() * 2
z.sum().backward()
print(z, y.grad, sep="\n")
""",
        (
            '<UnsqueezeBackward0 object at 0x…> <AliasBackward0 object at 0x…> <UnsqueezeBackward0 object at 0x…> <SelectBackward0 object at 0x…> <UnsqueezeBackward0 object at 0x…>\n'  # noqa: E501
            '<SelectBackward0 object at 0x…> <UnsqueezeBackward0 object at 0x…> <SelectBackward0 object at 0x…> <IndexBackward0 object at 0x…> <SliceBackward0 object at 0x…>\n'  # noqa: E501
            'tensor([[70., 73.]], grad_fn=<AddBackward0>)\n'
            'tensor([[9., 8., 8.],\n'
            '        [7., 6., 6.]])\n'
        ),
    ),
    # Reversed slices and too many indices are refused as PyTorch refuses them.
    "index_errors_numpy_would_not_make": (
        r"""
import torch
x = torch.arange(6.).reshape(2, 3)
for index in ["x[::-1]", "x[0, 0, 0]", "x[:, ::-2]"]:
    try:
        eval(index)
    except (ValueError, IndexError) as error:
        print(f"{index}: {type(error).__name__}: {error}")
try:
    x[0, 0, 0] = 1
except IndexError as error:
    print(error)
""",
        (
            'x[::-1]: ValueError: step must be greater than zero\n'
            'x[0, 0, 0]: IndexError: too many indices for tensor of dimension 2\n'
            'x[:, ::-2]: ValueError: step must be greater than zero\n'
            'too many indices for tensor of dimension 2\n'
        ),
    ),
    # type() of what the tutorials make names the module PyTorch defines it in.
    "types_name_pytorchs_modules": (
        r"""
import torch
from torch import nn
layers = [nn.Flatten(), nn.Linear(4, 3), nn.ReLU(), nn.Dropout(0.1), nn.Linear(3, 2), nn.Softmax(dim=1)]
model = nn.Sequential(*layers)
for thing in [model, *model, nn.CrossEntropyLoss(), nn.MSELoss(), nn.Identity(), nn.ModuleList()]:
    print(type(thing))
print(type(torch.optim.SGD(model.parameters(), lr=0.1)), type(torch.optim.Adam(model.parameters())))
print(type(model[1].weight), type(model[1].weight.shape), type(model[1].weight.dtype))
""",
        (
            "<class 'torch.nn.modules.container.Sequential'>\n"
            "<class 'torch.nn.modules.flatten.Flatten'>\n"
            "<class 'torch.nn.modules.linear.Linear'>\n"
            "<class 'torch.nn.modules.activation.ReLU'>\n"
            "<class 'torch.nn.modules.dropout.Dropout'>\n"
            "<class 'torch.nn.modules.linear.Linear'>\n"
            "<class 'torch.nn.modules.activation.Softmax'>\n"
            "<class 'torch.nn.modules.loss.CrossEntropyLoss'>\n"
            "<class 'torch.nn.modules.loss.MSELoss'>\n"
            "<class 'torch.nn.modules.linear.Identity'>\n"
            "<class 'torch.nn.modules.container.ModuleList'>\n"
            "<class 'torch.optim.sgd.SGD'> <class 'torch.optim.adam.Adam'>\n"
            "<class 'torch.nn.parameter.Parameter'> <class 'torch.Size'> <class 'torch.dtype'>\n"
        ),
    ),
    # Older tutorials' Variable: a new leaf sharing the values, detached; every tensor is one to isinstance.
    # register_hook returns a handle whose remove() takes the hook off, on a leaf or inside the graph.
    "variable_and_removable_hooks": (
        r"""
import torch
from torch.autograd import Variable
t = torch.ones(2)
v = Variable(t, requires_grad=True)
print(v is t, t.requires_grad, isinstance(t, Variable), Variable)
t[0] = 5
print(v)
w = Variable(v)
print(w is v, w.requires_grad, w.grad_fn, w.is_leaf)
u = Variable(v * 2)
print(u.grad_fn, u.is_leaf, u.requires_grad)
try:
    Variable([1.0])
except TypeError as e:
    print("TypeError", e)
print(Variable())
x = torch.ones(2, requires_grad=True)
y = x * 2
h = y.register_hook(lambda g: g * 10)
y.sum().backward()
print(x.grad)
x.grad = None
y = x * 2
h2 = y.register_hook(lambda g: g * 10)
h2.remove()
y.sum().backward()
print(x.grad)
print(h2.id - h.id, type(h))
a = torch.ones(2, requires_grad=True)
ha = a.register_hook(lambda g: g * 3)
(a * 1).sum().backward()
print(a.grad)
ha.remove()
ha.remove()
(a * 1).sum().backward()
print(a.grad)
""",
        (
            "False False True <class 'torch.autograd.variable.Variable'>\n"
            'tensor([5., 1.], requires_grad=True)\n'
            'False False None True\n'
            'None True False\n'
            'TypeError Variable data has to be a tensor, but got list\n'
            'tensor([])\n'
            'tensor([20., 20.])\n'
            'tensor([2., 2.])\n'
            "1 <class 'torch.utils.hooks.RemovableHandle'>\n"
            'tensor([3., 3.])\n'
            'tensor([4., 4.])\n'
        ),
    ),
    # The tensors tutorial's linear algebra lines: cross without dim, matmul, svd printed as PyTorch prints
    # torch.return_types.svd (the singular vectors' signs agree with PyTorch's LAPACK here).
    "tutorial_more_math_cross_matmul_and_svd": (
        r"""
import torch
torch.manual_seed(1729)
v1 = torch.tensor([1., 0., 0.])         # x unit vector
v2 = torch.tensor([0., 1., 0.])         # y unit vector
m1 = torch.rand(2, 2)                   # random matrix
m2 = torch.tensor([[3., 0.], [0., 3.]]) # three times identity matrix
print(torch.cross(v2, v1)) # negative of z unit vector (v1 x v2 == -v2 x v1)
print(torch.cross(v2, v1, dim=-1), v1.cross(v2, dim=0))
print(m1)
m3 = torch.matmul(m1, m2)
print(m3)                  # 3 times m1
print(torch.svd(m3))       # singular value decomposition
""",
        (
            'tensor([ 0.,  0., -1.])\n'
            'tensor([ 0.,  0., -1.]) tensor([0., 0., 1.])\n'
            'tensor([[0.3126, 0.3791],\n'
            '        [0.3087, 0.0736]])\n'
            'tensor([[0.9378, 1.1373],\n'
            '        [0.9260, 0.2207]])\n'
            'torch.return_types.svd(\n'
            'U=tensor([[-0.8638, -0.5038],\n'
            '        [-0.5038,  0.8638]]),\n'
            'S=tensor([1.6810, 0.5033]),\n'
            'V=tensor([[-0.7594,  0.6506],\n'
            '        [-0.6506, -0.7594]]))\n'
        ),
    ),
    # det and cross: values, grad_fn, gradients, and PyTorch's words for wrong shapes and dtypes.
    "determinant_and_cross_product_with_their_gradients_and_errors": (
        r"""
import torch
torch.manual_seed(1729)
a = torch.rand(3, 3, requires_grad=True)
d = torch.det(a)
print(d)
d.backward()
print(a.grad)
print(torch.det(torch.tensor([[1., 2.], [3., 4.]])), torch.rand(2, 2, 2).det())
b = torch.rand(4, 3, requires_grad=True)
c = torch.rand(4, 3, requires_grad=True)
p = torch.cross(b, c, dim=1)
print(p)
p.sum().backward()
print(b.grad)
print(c.grad)
attempts = [
    ("det of 2x3", lambda: torch.det(torch.ones(2, 3))),
    ("det of a vector", lambda: torch.det(torch.ones(3))),
    ("det of integers", lambda: torch.det(torch.tensor([[1, 2], [3, 4]]))),
    ("svd of a vector", lambda: torch.svd(torch.ones(3))),
    ("svd of integers", lambda: torch.svd(torch.tensor([[1, 2], [3, 4]]))),
    ("cross without a 3", lambda: torch.cross(torch.ones(2), torch.ones(2))),
    ("cross along 2", lambda: torch.cross(torch.ones(2, 3), torch.ones(2, 3), dim=0)),
    ("cross of ranks 2 and 1", lambda: torch.cross(torch.ones(4, 3), torch.ones(3), dim=1)),
    ("cross of float and double", lambda: torch.cross(torch.ones(3), torch.ones(3).double())),
]
for label, attempt in attempts:
    try:
        attempt()
    except RuntimeError as error:
        print(f"{label}: {error}")
""",
        (
            'tensor(-0.0013, grad_fn=<LinalgDetBackward0>)\n'
            'tensor([[ 0.0632,  0.0002, -0.0686],\n'
            '        [ 0.0429, -0.0044, -0.0381],\n'
            '        [-0.1040,  0.0011,  0.1039]])\n'
            'tensor(-2.) tensor([0.3632, 0.1288])\n'
            'tensor([[ 0.3418, -0.0818, -0.4466],\n'
            '        [-0.0822,  0.6796, -0.4171],\n'
            '        [-0.2168,  0.2601, -0.1462],\n'
            '        [-0.1524, -0.0178,  0.1075]], grad_fn=<LinalgCrossBackward0>)\n'
            'tensor([[-0.4403, -0.1733,  0.6136],\n'
            '        [ 0.0379, -0.7471,  0.7092],\n'
            '        [ 0.0147,  0.2672, -0.2818],\n'
            '        [ 0.0740,  0.3643, -0.4383]])\n'
            'tensor([[-0.5225,  0.2181,  0.3045],\n'
            '        [ 0.2722, -0.6096,  0.3375],\n'
            '        [ 0.3407, -0.8108,  0.4701],\n'
            '        [ 0.1408, -0.1526,  0.0118]])\n'
            'det of 2x3: linalg.det: A must be batches of square matrices, but they are 2 by 3 matrices\n'
            'det of a vector: linalg.det: The input tensor A must have at least 2 dimensions.\n'
            'det of integers: linalg.det: Expected a floating point or complex tensor as input. Got Long\n'
            'svd of a vector: linalg.svd: input should have at least 2 dimensions, but has 1 dimensions instead\n'  # noqa: E501
            'svd of integers: linalg.svd: Expected a floating point or complex tensor as input. Got Long\n'
            'cross without a 3: no dimension of size 3 in input\n'
            'cross along 2: linalg.cross: inputs dimension 0 must have length 3. Got 2 and 2\n'
            'cross of ranks 2 and 1: linalg.cross: inputs must have the same number of dimensions.\n'
            'cross of float and double: expected scalar type Float but found Double\n'
        ),
    ),
    # std_mean / var_mean give a plain tuple, both outputs showing StdMeanBackward0 (VarMeanBackward0); narrow
    # is a view (writes show in the base) recorded as SliceBackward0, with PyTorch's range errors.
    "std_mean_var_mean_and_narrow": (
        r"""
import torch
torch.manual_seed(1729)
x = torch.rand(2, 4, requires_grad=True)
std, mean = torch.std_mean(x, dim=1)
print(std)
print(mean)
(std + mean).sum().backward()
print(x.grad)
print(torch.std_mean(x))
print(torch.var_mean(x, 0, keepdim=True))
print(torch.std_mean(torch.tensor([1., 2., 3., 4.]), False))
try:
    torch.std_mean(torch.tensor([1, 2, 3]))
except RuntimeError as error:
    print(error)
t = torch.arange(12.).reshape(3, 4)
print(t.narrow(1, 1, 2))
print(torch.narrow(t, 0, -2, 2))
view = t.narrow(0, 0, 1)
view[0, 0] = 100
print(t[0])
w = torch.ones(3, 4, requires_grad=True)
n = w.narrow(1, 1, 2)
print(n.grad_fn)
(n * 2).sum().backward()
print(w.grad)
attempts = [
    ("past the end", lambda: t.narrow(1, 3, 2)),
    ("negative length", lambda: t.narrow(0, 0, -1)),
    ("start out of range", lambda: t.narrow(1, 5, 1)),
]
for label, attempt in attempts:
    try:
        attempt()
    except (RuntimeError, IndexError) as error:
        print(f"{label}: {type(error).__name__}: {error}")
""",
        (
            'tensor([0.1339, 0.1656], grad_fn=<StdMeanBackward0>)\n'
            'tensor([0.2685, 0.2821], grad_fn=<StdMeanBackward0>)\n'
            'tensor([[ 0.3598,  0.5254,  0.3500, -0.2352],\n'
            '        [ 0.5308, -0.1789,  0.1515,  0.4966]])\n'
            '(tensor(0.1396, grad_fn=<StdMeanBackward0>), tensor(0.2753, grad_fn=<StdMeanBackward0>))\n'
            '(tensor([[0.0059, 0.0481, 0.0028, 0.0548]], grad_fn=<VarMeanBackward0>), tensor([[0.3671, 0.2241, 0.2709, 0.2391]], grad_fn=<VarMeanBackward0>))\n'  # noqa: E501
            '(tensor(1.1180), tensor(2.5000))\n'
            'std_mean only support floating point and complex dtypes\n'
            'tensor([[ 1.,  2.],\n'
            '        [ 5.,  6.],\n'
            '        [ 9., 10.]])\n'
            'tensor([[ 4.,  5.,  6.,  7.],\n'
            '        [ 8.,  9., 10., 11.]])\n'
            'tensor([100.,   1.,   2.,   3.])\n'
            '<SliceBackward0 object at 0x…>\n'
            'tensor([[0., 2., 2., 0.],\n'
            '        [0., 2., 2., 0.],\n'
            '        [0., 2., 2., 0.]])\n'
            'past the end: RuntimeError: start (3) + length (2) exceeds dimension size (4).\n'
            'negative length: RuntimeError: narrow(): length must be non-negative.\n'
            'start out of range: IndexError: start out of range (expected to be in range of [-4, 4], but got 5)\n'  # noqa: E501
        ),
    ),
    # svd printed sign-free: S, U·diag(S)·Vᵀ, each output's grad_fn (V is a transpose of Vh), gradients of
    # sign-free functions of S, U and V, and the shapes with some=False and compute_uv=False.
    "svd_outputs_gradients_and_options": (
        r"""
import torch
torch.manual_seed(1729)
a = torch.rand(3, 2, requires_grad=True)
U, S, V = torch.svd(a)
print(S)
print((U * S) @ V.T)
print(U.grad_fn, S.grad_fn, V.grad_fn)
S.sum().backward()
print(a.grad)
b = torch.rand(2, 3, requires_grad=True)
result = torch.svd(b)
print(type(result).__name__, result.S, result[1].shape, result.U.shape, result.V.shape)
weights = torch.tensor([1., 3.])
((result.U * result.U[:1] * weights).sum() + (result.V * result.V[:1] * weights).sum()).backward()
print(b.grad)
print(torch.svd(b, some=False).V.shape, torch.svd(b, compute_uv=False).U)
""",
        (
            'tensor([0.6813, 0.2458], grad_fn=<LinalgSvdBackward0>)\n'
            'tensor([[0.3126, 0.3791],\n'
            '        [0.3087, 0.0736],\n'
            '        [0.4216, 0.0691]], grad_fn=<MmBackward0>)\n'
            '<LinalgSvdBackward0 object at 0x…> <LinalgSvdBackward0 object at 0x…> <TransposeBackward0 object at 0x…>\n'  # noqa: E501
            'tensor([[ 0.2311,  0.9712],\n'
            '        [ 0.5582, -0.0836],\n'
            '        [ 0.7969, -0.2232]])\n'
            'svd tensor([1.3045, 0.2677], grad_fn=<LinalgSvdBackward0>) torch.Size([2]) torch.Size([2, 2]) torch.Size([3, 2])\n'  # noqa: E501
            'tensor([[-0.2108, -0.0413, -3.7228],\n'
            '        [ 0.1562,  0.3331,  0.9739]])\n'
            'torch.Size([3, 3]) tensor([[0., 0.],\n'
            '        [0., 0.]])\n'
        ),
    ),
    # torch.linalg: vector and matrix norms (their graphs end as PyTorch's: amax/amin of column sums, a sum
    # of singular values), svd as U, S, Vh, svdvals, inv and solve with gradients, PyTorch's words for errors.
    "linalg_norms_svd_inv_solve_with_their_gradients_and_errors": (
        r"""
import torch
A = torch.tensor([[1., -2., 3.], [4., 5., -6.]], requires_grad=True)
print(torch.linalg.norm(A), torch.linalg.norm(A, ord=1), torch.linalg.norm(A, ord=float("inf")))
print(torch.linalg.norm(A, ord="nuc"), torch.linalg.norm(A, ord=-1))
print(torch.linalg.norm(A, dim=1, keepdim=True))
print(torch.linalg.vector_norm(A, ord=1), torch.linalg.vector_norm(A, ord=0, dim=0), torch.norm(A, p=3))
n = torch.linalg.norm(A, ord=1)
n.backward()
print(A.grad)
A.grad = None
torch.linalg.vector_norm(A, ord=3, dim=1).sum().backward()
print(A.grad)
U, S, Vh = torch.linalg.svd(A)
print(type(torch.linalg.svd(A)).__name__, U.shape, S, Vh.shape, Vh.grad_fn)
print(torch.linalg.svd(A, full_matrices=False).Vh.shape, torch.linalg.svdvals(A))
M = torch.tensor([[2., 1.], [1., 3.]], requires_grad=True)
inverse = torch.linalg.inv(M)
print(inverse, torch.inverse(M).grad_fn, M.inverse().sum())
inverse.sum().backward()
print(M.grad)
b = torch.tensor([1., 2.], requires_grad=True)
x = torch.linalg.solve(M, b)
print(x)
x.sum().backward()
print(b.grad, M.grad)
print(torch.linalg.det(M), torch.linalg.cross(torch.tensor([[1., 0., 0.]]), torch.tensor([[0., 1., 0.]])))
attempts = [
    ("inv of a singular matrix", lambda: torch.linalg.inv(torch.tensor([[1., 2.], [2., 4.]]))),
    ("inv of a batch", lambda: torch.linalg.inv(torch.stack([torch.eye(2), torch.zeros(2, 2)]))),
    ("inv of 2x3", lambda: torch.linalg.inv(torch.ones(2, 3))),
    ("inv of integers", lambda: torch.linalg.inv(torch.tensor([[1, 2], [3, 4]]))),
    ("solve, wrong shapes", lambda: torch.linalg.solve(torch.eye(2), torch.ones(3))),
    ("solve, singular", lambda: torch.linalg.solve(torch.zeros(2, 2), torch.ones(2))),
    ("solve, float and double", lambda: torch.linalg.solve(torch.eye(2), torch.ones(2).double())),
    ("norm of a 3-d tensor with ord", lambda: torch.linalg.norm(torch.ones(2, 2, 2), ord=1)),
    ("norm with three dims", lambda: torch.linalg.norm(torch.ones(2, 2), dim=(0, 1, 1))),
    ("matrix norm of order 3", lambda: torch.linalg.matrix_norm(torch.ones(2, 2), ord=3)),
    ("fro norm of a vector", lambda: torch.linalg.norm(torch.ones(3), ord="fro")),
    ("norm of integers", lambda: torch.linalg.norm(torch.tensor([3, 4]))),
    ("linalg.cross without a 3", lambda: torch.linalg.cross(torch.ones(2), torch.ones(2))),
    ("linalg.svd of a vector", lambda: torch.linalg.svd(torch.ones(3))),
]
for label, attempt in attempts:
    try:
        attempt()
    except RuntimeError as error:
        print(f"{label}: {type(error).__name__}: {error}")
""",
        (
            'tensor(9.5394, grad_fn=<LinalgVectorNormBackward0>) tensor(9., grad_fn=<AmaxBackward0>) tensor(15., grad_fn=<AmaxBackward0>)\n'  # noqa: E501
            'tensor(11.6538, grad_fn=<SumBackward1>) tensor(5., grad_fn=<AminBackward0>)\n'
            'tensor([[3.7417],\n'
            '        [8.7750]], grad_fn=<LinalgVectorNormBackward0>)\n'
            'tensor(21., grad_fn=<LinalgVectorNormBackward0>) tensor([2., 2., 2.], grad_fn=<LinalgVectorNormBackward0>) tensor(7.6117, grad_fn=<LinalgVectorNormBackward0>)\n'  # noqa: E501
            'tensor([[ 0., -0.,  1.],\n'
            '        [ 0.,  0., -1.]])\n'
            'tensor([[ 0.0917, -0.3669,  0.8255],\n'
            '        [ 0.2923,  0.4567, -0.6577]])\n'
            'linalg_svd torch.Size([2, 2]) tensor([9.2250, 2.4288], grad_fn=<LinalgSvdBackward0>) torch.Size([3, 3]) <LinalgSvdBackward0 object at 0x…>\n'  # noqa: E501
            'torch.Size([2, 3]) tensor([9.2250, 2.4288], grad_fn=<LinalgSvdBackward0>)\n'
            'tensor([[ 0.6000, -0.2000],\n'
            '        [-0.2000,  0.4000]], grad_fn=<LinalgInvExBackward0>) <LinalgInvExBackward0 object at 0x…> tensor(0.6000, grad_fn=<SumBackward0>)\n'  # noqa: E501
            'tensor([[-0.1600, -0.0800],\n'
            '        [-0.0800, -0.0400]])\n'
            'tensor([0.2000, 0.6000], grad_fn=<LinalgSolveExBackward0>)\n'
            'tensor([0.4000, 0.2000]) tensor([[-0.2400, -0.3200],\n'
            '        [-0.1200, -0.1600]])\n'
            'tensor(5., grad_fn=<LinalgDetBackward0>) tensor([[0., 0., 1.]])\n'
            'inv of a singular matrix: _LinAlgError: linalg.inv: The diagonal element 2 is zero, the inversion could not be completed because the input matrix is singular.\n'  # noqa: E501
            'inv of a batch: _LinAlgError: linalg.inv: (Batch element 1): The diagonal element 1 is zero, the inversion could not be completed because the input matrix is singular.\n'  # noqa: E501
            'inv of 2x3: RuntimeError: linalg.inv: A must be batches of square matrices, but they are 2 by 3 matrices\n'  # noqa: E501
            'inv of integers: RuntimeError: linalg.inv: Expected a floating point or complex tensor as input. Got Long\n'  # noqa: E501
            'solve, wrong shapes: RuntimeError: linalg.solve: Incompatible shapes of A and B for the equation AX = B (2x2 and 3x1)\n'  # noqa: E501
            'solve, singular: _LinAlgError: torch.linalg.solve: The solver failed because the input matrix is singular.\n'  # noqa: E501
            'solve, float and double: RuntimeError: linalg.solve: Expected A and B to have the same dtype, but found A of type Float and B of type Double instead\n'  # noqa: E501
            'norm of a 3-d tensor with ord: RuntimeError: linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got 3D.\n'  # noqa: E501
            'norm with three dims: RuntimeError: linalg.norm: If dim is specified, it must be of length 1 or 2. Got [0, 1, 1]\n'  # noqa: E501
            'matrix norm of order 3: RuntimeError: linalg.matrix_norm: Order 3 not supported.\n'
            'fro norm of a vector: RuntimeError: linalg.matrix_norm: The input tensor A must have at least 2 dimensions.\n'  # noqa: E501
            'norm of integers: RuntimeError: linalg.vector_norm: Expected a floating point or complex tensor as input. Got Long\n'  # noqa: E501
            'linalg.cross without a 3: RuntimeError: linalg.cross: inputs dimension -1 must have length 3. Got 2 and 2\n'  # noqa: E501
            'linalg.svd of a vector: RuntimeError: linalg.svd: The input tensor A must have at least 2 dimensions.\n'  # noqa: E501
        ),
    ),
    # torch.diag of a matrix (DiagonalBackward0_copy) and of a vector (DiagEmbedBackward0) with offsets and
    # gradients; ragged lists, unknown device strings; torch.tensor(tensor) copies; softmax's implicit dim.
    "diag_both_ways_and_pytorchs_words_for_ragged_lists_and_device_strings": (
        r"""
import torch
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
print(torch.diag(x), x.diag(1), torch.diag(x, diagonal=-1), torch.diag(x, 5))
d = torch.diag(x, 1)
(d * torch.tensor([2., 3.])).sum().backward()
print(x.grad)
v = torch.tensor([1., 2.], requires_grad=True)
m = torch.diag(v, -1)
print(m)
(m * torch.arange(9.).reshape(3, 3)).sum().backward()
print(v.grad)
print(torch.diag(torch.tensor([1, 2])), v.diag().grad_fn)
attempts = [
    ("diag of 3-d", lambda: torch.diag(torch.ones(2, 2, 2))),
    ("diag of a number", lambda: torch.diag(torch.tensor(3.))),
    ("ragged rows", lambda: torch.tensor([[1., 2.], [3.]])),
    ("ragged at depth 2", lambda: torch.tensor([[[1, 2], [3, 4]], [[1, 2], [3]]])),
    ("short first row", lambda: torch.tensor([[1], [2, 3]])),
    ("a gpu device", lambda: torch.rand(2, device="gpu")),
    ("zeros on a tpu", lambda: torch.zeros(2, device="tpu")),
    ("torch.device of gpu", lambda: torch.device("gpu")),
    ("to gpu", lambda: torch.ones(2).to("gpu")),
]
for label, attempt in attempts:
    try:
        attempt()
    except (RuntimeError, ValueError) as error:
        print(f"{label}: {type(error).__name__}: {error}")
copy = torch.tensor(x)
print(copy, copy.requires_grad)
print(torch.nn.functional.softmax(torch.arange(8.).reshape(2, 2, 2))[0])
print(torch.nn.functional.softmax(torch.tensor([[1., 2.], [3., 5.]])))
print(torch.nn.functional.log_softmax(torch.tensor([1., 2.])))
""",
        (
            'tensor([1., 5.], grad_fn=<DiagonalBackward0_copy>) tensor([2., 6.], grad_fn=<DiagonalBackward0_copy>) tensor([4.], grad_fn=<DiagonalBackward0_copy>) tensor([], grad_fn=<DiagonalBackward0_copy>)\n'  # noqa: E501
            'tensor([[0., 2., 0.],\n'
            '        [0., 0., 3.]])\n'
            'tensor([[0., 0., 0.],\n'
            '        [1., 0., 0.],\n'
            '        [0., 2., 0.]], grad_fn=<DiagEmbedBackward0>)\n'
            'tensor([3., 7.])\n'
            'tensor([[1, 0],\n'
            '        [0, 2]]) <DiagEmbedBackward0 object at 0x…>\n'
            'diag of 3-d: RuntimeError: diag(): Supports 1D or 2D tensors. Got 3D\n'
            'diag of a number: RuntimeError: diag(): Supports 1D or 2D tensors. Got 0D\n'
            'ragged rows: ValueError: expected sequence of length 2 at dim 1 (got 1)\n'
            'ragged at depth 2: ValueError: expected sequence of length 2 at dim 2 (got 1)\n'
            'short first row: ValueError: expected sequence of length 1 at dim 1 (got 2)\n'
            'a gpu device: RuntimeError: Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, xla, lazy, vulkan, mps, meta, hpu, mtia, privateuseone device type at start of device string: gpu\n'  # noqa: E501
            'zeros on a tpu: RuntimeError: Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, xla, lazy, vulkan, mps, meta, hpu, mtia, privateuseone device type at start of device string: tpu\n'  # noqa: E501
            'torch.device of gpu: RuntimeError: Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, xla, lazy, vulkan, mps, meta, hpu, mtia, privateuseone device type at start of device string: gpu\n'  # noqa: E501
            'to gpu: RuntimeError: Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, xla, lazy, vulkan, mps, meta, hpu, mtia, privateuseone device type at start of device string: gpu\n'  # noqa: E501
            'tensor([[1., 2., 3.],\n'
            '        [4., 5., 6.]]) False\n'
            'tensor([[0.0180, 0.0180],\n'
            '        [0.0180, 0.0180]])\n'
            'tensor([[0.2689, 0.7311],\n'
            '        [0.1192, 0.8808]])\n'
            'tensor([-1.3133, -0.3133])\n'
        ),
    ),
    # Old tutorials' typed tensors: x.type(torch.FloatTensor) converts (as the accuracy idiom
    # (pred.argmax(1) == y).type(torch.float) does with a dtype), x.type() names the old type, and
    # torch.FloatTensor is a class for isinstance.
    "legacy_tensor_types": (
        r"""
import torch
x = torch.tensor([True, False])
print(x.type(torch.FloatTensor).dtype, x.type('torch.DoubleTensor').dtype)
print(x.type(torch.int64).dtype, x.type())
for bad in ['foo', 'torch.Foo', 3]:
    try:
        x.type(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(torch.FloatTensor, torch.LongTensor, torch.tensor([1.]).type(torch.float).type())
print(torch.FloatTensor([1, 2]), torch.LongTensor(2, 3).shape, torch.DoubleTensor([[1.5]]))
print(isinstance(torch.ones(1), torch.FloatTensor), isinstance(torch.ones(1).double(), torch.FloatTensor))
print(isinstance(torch.ones(1).long(), torch.LongTensor))
print((torch.tensor([1, 2]) == torch.tensor([1, 3])).type(torch.FloatTensor).sum().item())
""",
        (
            'torch.float32 torch.float64\n'
            'torch.int64 torch.BoolTensor\n'
            "ValueError invalid type: 'foo'\n"
            "ValueError invalid type: 'torch.Foo'\n"
            'TypeError dtype must be a type, str, or dtype object\n'
            "<class 'torch.FloatTensor'> <class 'torch.LongTensor'> torch.FloatTensor\n"
            'tensor([1., 2.]) torch.Size([2, 3]) tensor([[1.5000]], dtype=torch.float64)\n'
            'True False\n'
            'True\n'
            '1.0\n'
        ),
    ),
    # The tutorials' one-hot target (scatter_ with value=, a 0-d index), gather and scatter/scatter_add with
    # their gradients (ScatterBackward0/1, ScatterAddBackward0, GatherBackward0), in place and as functions;
    # PyTorch's words for the common misuse (a src larger than the index fails in backward, as in PyTorch).
    "scatter_gather_and_the_one_hot_target": (
        r"""
import torch
y = 3
print(torch.zeros(10, dtype=torch.float).scatter_(0, torch.tensor(y), value=1))
x = torch.arange(12.).reshape(3, 4).requires_grad_()
index = torch.tensor([[2, 0, 1], [0, 3, 3]])
picked = x.gather(1, index)
print(picked, torch.gather(x, 0, index.clamp(max=2)))
picked.backward(torch.tensor([[1., 2., 3.], [4., 5., 6.]]))
print(x.grad)
base = torch.ones(3, 4, requires_grad=True)
src = torch.tensor([[10., 20., 30.], [40., 50., 60.]], requires_grad=True)
written = base.scatter(1, torch.tensor([[2, 0, 1], [0, 3, 1]]), src)
print(written)
(written * torch.arange(12.).reshape(3, 4)).sum().backward()
print(base.grad, src.grad)
print(base.scatter(0, torch.tensor([[2, 0]]), value=-1), torch.scatter(base, 1, index, 2.5).grad_fn)
added = torch.scatter_add(base, 0, torch.tensor([[0, 0, 2]]), src)
print(added, torch.zeros(5).scatter_add(0, torch.tensor([1, 1, 3]), torch.tensor([1., 2., 3.])))
counts = torch.zeros(4)
print(counts.scatter_add_(0, torch.tensor([0, 2, 0]), torch.ones(3)) is counts, counts)
labels = torch.tensor([2, 0, 1], dtype=torch.int32)
print(torch.zeros(3, 4).scatter_(1, labels.unsqueeze(1).long(), 1.0), torch.ones(3).gather(0, labels))
hidden = torch.tensor([1., 2.], requires_grad=True)
e = hidden.exp()
e.scatter_(0, torch.tensor([0]), value=0.0)
print(e)
leaf = torch.zeros(3, requires_grad=True)
wide = torch.tensor([[1, 0, 1]])
attempts = [
    ("in place on a leaf", lambda: leaf.scatter_(0, torch.tensor([1]), value=1)),
    ("saved value changed in place", lambda: e.sum().backward()),
    ("a float index", lambda: torch.zeros(3).scatter_(0, torch.tensor([1.]), value=1)),
    ("gather with a bool index", lambda: torch.zeros(3).gather(0, torch.tensor([True]))),
    ("dim out of range", lambda: torch.zeros(3).scatter(1, torch.tensor([0]), 1.0)),
    ("index out of bounds", lambda: torch.zeros(3).scatter_(0, torch.tensor([3]), value=1)),
    ("gather at -1", lambda: torch.zeros(2, 3).gather(1, torch.tensor([[0, -1]]))),
    ("src of another dtype", lambda: torch.zeros(3).scatter(0, torch.tensor([0]), torch.ones(1).double())),
    ("index of another rank", lambda: torch.zeros(3, 2).scatter(0, torch.tensor([0]), 1.0)),
    ("index wider than self", lambda: torch.zeros(2, 2).scatter(0, wide, 1.0)),
    ("index wider than src", lambda: torch.zeros(2, 4).scatter_add(0, wide, torch.ones(1, 2))),
    ("gather index wider", lambda: torch.zeros(2, 2).gather(0, torch.tensor([[1, 0, 1]]))),
    ("scatter_add of a number", lambda: torch.zeros(3).scatter_add(0, torch.tensor([1]), 2.0)),
    ("neither src nor value", lambda: torch.zeros(3).scatter_(0, torch.tensor([1]))),
    ("src larger than index", lambda: base.scatter(0, torch.tensor([[0]]), src).sum().backward()),
]
for label, attempt in attempts:
    try:
        attempt()
    except (RuntimeError, IndexError, TypeError) as error:
        print(f"{label}: {type(error).__name__}: {error}")
""",
        (
            'tensor([0., 0., 0., 1., 0., 0., 0., 0., 0., 0.])\n'
            'tensor([[2., 0., 1.],\n'
            '        [4., 7., 7.]], grad_fn=<GatherBackward0>) tensor([[ 8.,  1.,  6.],\n'
            '        [ 0.,  9., 10.]], grad_fn=<GatherBackward0>)\n'
            'tensor([[ 2.,  3.,  1.,  0.],\n'
            '        [ 4.,  0.,  0., 11.],\n'
            '        [ 0.,  0.,  0.,  0.]])\n'
            'tensor([[20., 30., 10.,  1.],\n'
            '        [40., 60.,  1., 50.],\n'
            '        [ 1.,  1.,  1.,  1.]], grad_fn=<ScatterBackward0>)\n'
            'tensor([[ 0.,  0.,  0.,  3.],\n'
            '        [ 0.,  0.,  6.,  0.],\n'
            '        [ 8.,  9., 10., 11.]]) tensor([[2., 0., 1.],\n'
            '        [4., 7., 5.]])\n'
            'tensor([[ 1., -1.,  1.,  1.],\n'
            '        [ 1.,  1.,  1.,  1.],\n'
            '        [-1.,  1.,  1.,  1.]], grad_fn=<ScatterBackward1>) <ScatterBackward1 object at 0x…>\n'
            'tensor([[11., 21.,  1.,  1.],\n'
            '        [ 1.,  1.,  1.,  1.],\n'
            '        [ 1.,  1., 31.,  1.]], grad_fn=<ScatterAddBackward0>) tensor([0., 3., 0., 3., 0.])\n'
            'True tensor([2., 0., 1., 0.])\n'
            'tensor([[0., 0., 1., 0.],\n'
            '        [1., 0., 0., 0.],\n'
            '        [0., 1., 0., 0.]]) tensor([1., 1., 1.])\n'
            'tensor([0.0000, 7.3891], grad_fn=<ScatterBackward1>)\n'
            'in place on a leaf: RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.\n'  # noqa: E501
            'saved value changed in place: RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [2]], which is output 0 of Exp, is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).\n'  # noqa: E501
            'a float index: RuntimeError: scatter(): Expected dtype int32/int64 for index\n'
            'gather with a bool index: RuntimeError: gather(): Expected dtype int32/int64 for index\n'
            'dim out of range: IndexError: Dimension out of range (expected to be in range of [-1, 0], but got 1)\n'  # noqa: E501
            'index out of bounds: RuntimeError: index 3 is out of bounds for dimension 0 with size 3\n'
            'gather at -1: RuntimeError: index -1 is out of bounds for dimension 1 with size 3\n'
            'src of another dtype: RuntimeError: scatter(): Expected self.dtype to be equal to src.dtype\n'
            'index of another rank: RuntimeError: Index tensor must have the same number of dimensions as self tensor\n'  # noqa: E501
            'index wider than self: RuntimeError: Expected index [1, 3] to be no larger than self [2, 2] apart from dimension 0\n'  # noqa: E501
            'index wider than src: RuntimeError: Expected index [1, 3] to be no larger than self [2, 4] apart from dimension 0 and to be no larger size than src [1, 2]\n'  # noqa: E501
            'gather index wider: RuntimeError: Size does not match at dimension 1 expected index [1, 3] to be no larger than self [2, 2] apart from dimension 0\n'  # noqa: E501
            "scatter_add of a number: TypeError: scatter_add(): argument 'src' (position 3) must be Tensor, not float\n"  # noqa: E501
            'neither src nor value: TypeError: scatter_() received an invalid combination of arguments - got (int, Tensor), but expected one of:\n'  # noqa: E501
            ' * (int dim, Tensor index, Tensor src)\n'
            ' * (int dim, Tensor index, Tensor src, *, str reduce)\n'
            ' * (int dim, Tensor index, Number value)\n'
            ' * (int dim, Tensor index, Number value, *, str reduce)\n'
            '\n'
            'src larger than index: RuntimeError: Function ScatterBackward0 returned an invalid gradient at index 1 - got [1, 1] but expected shape compatible with [2, 3]\n'  # noqa: E501
        ),
    ),
    # Tutorials pick "cuda" only when torch.cuda.is_available(); asking for it anyway (or for another
    # accelerator, or an index) is PyTorch's own refusal on a CPU-only build, everywhere a device is given.
    "devices_other_than_the_cpu_are_refused_as_a_cpu_only_pytorch_refuses_them": (
        r"""
import torch
device = "cuda" if torch.cuda.is_available() else "cpu"
x = torch.ones(2, device=device)
print(x, x.device, x.is_cuda)
attempts = [
    ("ones on cuda", lambda: torch.ones(2, device="cuda")),
    ("tensor on cuda:0", lambda: torch.tensor([1.0], device="cuda:0")),
    ("zeros on device('cuda', 0)", lambda: torch.zeros(2, device=torch.device("cuda", 0))),
    ("to('cuda')", lambda: x.to("cuda")),
    ("x.cuda()", lambda: x.cuda()),
    ("model.cuda()", lambda: torch.nn.Linear(1, 1).cuda()),
    ("model.to('cuda')", lambda: torch.nn.Linear(1, 1).to("cuda")),
    ("Linear(device='cuda')", lambda: torch.nn.Linear(1, 1, device="cuda")),
    ("randn on cuda", lambda: torch.randn(2, device="cuda")),
    ("zeros_like on cuda", lambda: torch.zeros_like(x, device="cuda")),
    ("new_zeros on cuda", lambda: x.new_zeros(2, device="cuda")),
    ("ones on device 0", lambda: torch.ones(2, device=0)),
    ("to(0)", lambda: x.to(0)),
    ("to('mps')", lambda: x.to("mps")),
    ("ones on xpu", lambda: torch.ones(2, device="xpu")),
    ("device('cuda:abc')", lambda: torch.device("cuda:abc")),
]
for label, attempt in attempts:
    try:
        attempt()
        print(label, "ok")
    except Exception as error:
        print(f"{label}: {type(error).__name__}: {error}")
print(repr(torch.device("cuda", 1)), str(torch.device("cuda:1")), torch.device("cuda:1") == "cuda:1")
print(x.to("cpu", torch.float64), x.cpu(), x.to(device="cpu"))
""",
        (
            'tensor([1., 1.]) cpu False\n'
            'ones on cuda: AssertionError: Torch not compiled with CUDA enabled\n'
            'tensor on cuda:0: AssertionError: Torch not compiled with CUDA enabled\n'
            "zeros on device('cuda', 0): AssertionError: Torch not compiled with CUDA enabled\n"
            "to('cuda'): AssertionError: Torch not compiled with CUDA enabled\n"
            'x.cuda(): AssertionError: Torch not compiled with CUDA enabled\n'
            'model.cuda(): AssertionError: Torch not compiled with CUDA enabled\n'
            "model.to('cuda'): AssertionError: Torch not compiled with CUDA enabled\n"
            "Linear(device='cuda'): AssertionError: Torch not compiled with CUDA enabled\n"
            'randn on cuda: AssertionError: Torch not compiled with CUDA enabled\n'
            'zeros_like on cuda: AssertionError: Torch not compiled with CUDA enabled\n'
            'new_zeros on cuda: AssertionError: Torch not compiled with CUDA enabled\n'
            'ones on device 0: RuntimeError: Cannot access accelerator device when none is available.\n'
            'to(0): RuntimeError: Cannot access accelerator device when none is available.\n'
            "to('mps'): RuntimeError: PyTorch is not linked with support for mps devices\n"
            'ones on xpu: AssertionError: Torch not compiled with XPU enabled\n'
            "device('cuda:abc'): RuntimeError: Invalid device string: 'cuda:abc'\n"
            "device(type='cuda', index=1) cuda:1 False\n"
            'tensor([1., 1.], dtype=torch.float64) tensor([1., 1.]) tensor([1., 1.])\n'
        ),
    ),
    # In-place changes inside a graph, as PyTorch records them: written into the tensor's memory (its views
    # and its base see them), zero_/fill_/copy_ as nodes of their own, a change through a view recorded on the
    # base (CopySlices) and the base's other views regenerated from it (AsStridedBackward0).
    "in_place_changes_in_a_graph_reach_views_and_bases_as_in_pytorch": (
        r"""
import torch


def on_a_product(change):
    def make(x):
        y = x * 2
        change(y)
        return y
    return make


def copy_from_a_graph(x):
    y = torch.zeros(3)
    y.copy_(x * 3)
    return y


def into_a_view(x):
    w = x * 1
    v = w[1:]
    v[0] = 0
    return w


def a_view_made_before(x):
    w = x * 1
    v = w[:2]
    w.mul_(3)
    return v


def through_a_transpose(x):
    w = (x * 1).view(3, 1)
    w.t().mul_(2)
    return w


def plus_equals_on_an_index(x):
    y = x.clone()
    y[0] += 10
    return y


cases = [
    ("zero_", on_a_product(lambda y: y.zero_())),
    ("fill_", on_a_product(lambda y: y.fill_(7))),
    ("copy_", on_a_product(lambda y: y.copy_(torch.tensor([1.0, 1.0, 1.0])))),
    ("copy_ from a graph", copy_from_a_graph),
    ("mul_ through a slice", on_a_product(lambda y: y[1:].mul_(2))),
    ("mul_ of one element", on_a_product(lambda y: y[0].mul_(10))),
    ("setitem into a view", into_a_view),
    ("a view made before", a_view_made_before),
    ("through a transpose", through_a_transpose),
    ("relu_", on_a_product(lambda y: y.relu_())),
    ("masked_fill_", on_a_product(lambda y: y.masked_fill_(y < 0, 0.0))),
    ("+= on an index", plus_equals_on_an_index),
    (".data bypasses the graph", on_a_product(lambda y: y.data.mul_(10))),
]
for label, make in cases:
    x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
    out = make(x)
    out.sum().backward()
    print(label, out.detach(), out.grad_fn.name(), x.grad)
x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
z = x * 2
element = z[1]
element.zero_()
print(z, element.grad_fn)
writes = [("add_", lambda t: t.add_(1)), ("copy_", lambda t: t.copy_(torch.zeros(2, 3))),
          ("mul_", lambda t: t.mul_(2)), ("zero_", lambda t: t.zero_()), ("fill_", lambda t: t.fill_(3))]
for name, write in writes:
    base = torch.ones(3)
    try:
        write(base.expand(2, 3))
        print(name, "wrote", base)
    except RuntimeError as error:
        print(name, "refused:", error)
try:
    (x * 1).add_(torch.ones(2, 3))
except RuntimeError as error:
    print(error)
""",
        (
            'zero_ tensor([0., 0., 0.]) ZeroBackward0 tensor([0., 0., 0.])\n'
            'fill_ tensor([7., 7., 7.]) FillBackward2 tensor([0., 0., 0.])\n'
            'copy_ tensor([1., 1., 1.]) torch::autograd::CopyBackwards tensor([0., 0., 0.])\n'
            'copy_ from a graph tensor([ 3., -6.,  9.]) torch::autograd::CopyBackwards tensor([3., 3., 3.])\n'
            'mul_ through a slice tensor([ 2., -8., 12.]) torch::autograd::CopySlices tensor([2., 4., 4.])\n'
            'mul_ of one element tensor([20., -4.,  6.]) torch::autograd::CopySlices tensor([20.,  2.,  2.])\n'  # noqa: E501
            'setitem into a view tensor([1., 0., 3.]) torch::autograd::CopySlices tensor([1., 0., 1.])\n'
            'a view made before tensor([ 3., -6.]) AsStridedBackward0 tensor([3., 3., 0.])\n'
            'through a transpose tensor([[ 2.],\n'
            '        [-4.],\n'
            '        [ 6.]]) AsStridedBackward0 tensor([2., 2., 2.])\n'
            'relu_ tensor([2., 0., 6.]) ReluBackward0 tensor([2., 0., 2.])\n'
            'masked_fill_ tensor([2., 0., 6.]) MaskedFillBackward0 tensor([2., 0., 2.])\n'
            '+= on an index tensor([11., -2.,  3.]) torch::autograd::CopySlices tensor([1., 1., 1.])\n'
            '.data bypasses the graph tensor([ 20., -40.,  60.]) MulBackward0 tensor([2., 2., 2.])\n'
            'tensor([2., 0., 6.], grad_fn=<CopySlices>) <AsStridedBackward0 object at 0x…>\n'
            'add_ refused: unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.\n'  # noqa: E501
            'copy_ refused: unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.\n'  # noqa: E501
            'mul_ refused: unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.\n'  # noqa: E501
            'zero_ wrote tensor([0., 0., 0.])\n'
            'fill_ wrote tensor([3., 3., 3.])\n'
            "output with shape [3] doesn't match the broadcast shape [2, 3]\n"
        ),
    ),
    # What learners try first on tensors (the tensors tutorial's creation, attributes, operations, reductions,
    # conversions and printing), one line each, and torch.all / torch.any as functions.
    "first_steps_with_tensors_print_as_in_pytorch": (
        r"""
import torch

torch.manual_seed(0)
tries = [
    ('torch.tensor([[1, 2], [3, 4]])', lambda: torch.tensor([[1, 2], [3, 4]])),
    ('torch.tensor([[1., 2.], [3., 4.]]).mean()', lambda: torch.tensor([[1., 2.], [3., 4.]]).mean()),
    ('torch.ones(2, 3).sum(dim=0)', lambda: torch.ones(2, 3).sum(dim=0)),
    ('torch.arange(6).reshape(2, 3)', lambda: torch.arange(6).reshape(2, 3)),
    ('torch.arange(6).reshape(2, 3).T', lambda: torch.arange(6).reshape(2, 3).T),
    ('torch.zeros(2, 2, dtype=torch.int32)', lambda: torch.zeros(2, 2, dtype=torch.int32)),
    ('torch.eye(3)[1]', lambda: torch.eye(3)[1]),
    ('torch.linspace(0, 1, 5)', lambda: torch.linspace(0, 1, 5)),
    ('torch.full((2, 2), 3.5)', lambda: torch.full((2, 2), 3.5)),
    ('torch.rand(2, 2).shape', lambda: torch.rand(2, 2).shape),
    ('torch.tensor([1., 2., 3.]).norm()', lambda: torch.tensor([1., 2., 3.]).norm()),
    ('torch.tensor([3., 1., 2.]).argmax()', lambda: torch.tensor([3., 1., 2.]).argmax()),
    ('torch.tensor([[1., 5.], [7., 2.]]).argmax(dim=1)',
     lambda: torch.tensor([[1., 5.], [7., 2.]]).argmax(dim=1)),
    ('torch.tensor([1, 2, 3]).float()', lambda: torch.tensor([1, 2, 3]).float()),
    ('torch.tensor([1., 2.]).double()', lambda: torch.tensor([1., 2.]).double()),
    ('torch.tensor([1.5, 2.5]).long()', lambda: torch.tensor([1.5, 2.5]).long()),
    ('torch.tensor([1., 2.]).pow(2)', lambda: torch.tensor([1., 2.]).pow(2)),
    ('torch.tensor([1., 2.]).mul(3)', lambda: torch.tensor([1., 2.]).mul(3)),
    ('torch.tensor([[1., 2.], [3., 4.]]).t()', lambda: torch.tensor([[1., 2.], [3., 4.]]).t()),
    ('torch.tensor([[1., 2.], [3., 4.]]) @ torch.tensor([[1., 0.], [0., 1.]])',
     lambda: torch.tensor([[1., 2.], [3., 4.]]) @ torch.tensor([[1., 0.], [0., 1.]])),
    ('torch.tensor([[1., 2.], [3., 4.]]).matmul(torch.tensor([1., 1.]))',
     lambda: torch.tensor([[1., 2.], [3., 4.]]).matmul(torch.tensor([1., 1.]))),
    ('torch.cat([torch.ones(1, 2), torch.zeros(1, 2)], dim=0)',
     lambda: torch.cat([torch.ones(1, 2), torch.zeros(1, 2)], dim=0)),
    ('torch.stack([torch.ones(2), torch.zeros(2)], dim=1)',
     lambda: torch.stack([torch.ones(2), torch.zeros(2)], dim=1)),
    ('torch.tensor([1., -1., 0.5]).relu()', lambda: torch.tensor([1., -1., 0.5]).relu()),
    ('torch.tensor([1., -1.]).sigmoid()', lambda: torch.tensor([1., -1.]).sigmoid()),
    ('torch.tensor([0.5]).item()', lambda: torch.tensor([0.5]).item()),
    ('torch.tensor([[1., 2.]]).squeeze()', lambda: torch.tensor([[1., 2.]]).squeeze()),
    ('torch.tensor([1., 2.]).unsqueeze(0).shape', lambda: torch.tensor([1., 2.]).unsqueeze(0).shape),
    ('torch.tensor([1., 2., 3., 4.]).view(2, -1)', lambda: torch.tensor([1., 2., 3., 4.]).view(2, -1)),
    ('torch.ones(2, 2).add_(1)', lambda: torch.ones(2, 2).add_(1)),
    ('torch.tensor([1., 2.]).tolist()', lambda: torch.tensor([1., 2.]).tolist()),
    ('torch.tensor([[1., 2.], [3., 4.]])[:, 1]', lambda: torch.tensor([[1., 2.], [3., 4.]])[:, 1]),
    ('torch.tensor([[1., 2.], [3., 4.]])[..., -1]', lambda: torch.tensor([[1., 2.], [3., 4.]])[..., -1]),
    ('torch.tensor([1., 2., 3.])[torch.tensor([True, False, True])]',
     lambda: torch.tensor([1., 2., 3.])[torch.tensor([True, False, True])]),
    ('torch.max(torch.tensor([[1., 5.], [7., 2.]]), 1)',
     lambda: torch.max(torch.tensor([[1., 5.], [7., 2.]]), 1)),
    ('torch.tensor([1., 2.]) * torch.tensor([[1.], [2.]])',
     lambda: torch.tensor([1., 2.]) * torch.tensor([[1.], [2.]])),
    ('torch.tensor([2.]).exp().log()', lambda: torch.tensor([2.]).exp().log()),
    ('torch.tensor([1, 2]) / 2', lambda: torch.tensor([1, 2]) / 2),
    ('torch.tensor([1, 2]) // 2', lambda: torch.tensor([1, 2]) // 2),
    ('torch.tensor([5, 7]) % 3', lambda: torch.tensor([5, 7]) % 3),
    ('torch.tensor([1., 2.]).std()', lambda: torch.tensor([1., 2.]).std()),
    ('torch.tensor([[1., 2.], [3., 4.]]).var(dim=0)',
     lambda: torch.tensor([[1., 2.], [3., 4.]]).var(dim=0)),
    ('torch.tensor([1., 2., 3.]).clamp(min=1.5)', lambda: torch.tensor([1., 2., 3.]).clamp(min=1.5)),
    ('torch.tensor([1., 2.]).abs()', lambda: torch.tensor([1., 2.]).abs()),
    ('torch.tensor([1., 4.]).sqrt()', lambda: torch.tensor([1., 4.]).sqrt()),
    ('torch.tensor([1., 2.]).dtype', lambda: torch.tensor([1., 2.]).dtype),
    ('torch.tensor([1, 2]).dtype', lambda: torch.tensor([1, 2]).dtype),
    ('torch.tensor(True).dtype', lambda: torch.tensor(True).dtype),
    ('torch.tensor([1., 2.]).size()', lambda: torch.tensor([1., 2.]).size()),
    ('torch.tensor([[1., 2.], [3., 4.]]).size(1)', lambda: torch.tensor([[1., 2.], [3., 4.]]).size(1)),
    ('torch.tensor([1., 2.]).ndim', lambda: torch.tensor([1., 2.]).ndim),
    ('torch.tensor([[1., 2.], [3., 4.]]).numel()', lambda: torch.tensor([[1., 2.], [3., 4.]]).numel()),
    ('torch.zeros_like(torch.ones(2, 2))', lambda: torch.zeros_like(torch.ones(2, 2))),
    ('torch.ones_like(torch.ones(2), dtype=torch.int64)',
     lambda: torch.ones_like(torch.ones(2), dtype=torch.int64)),
    ('torch.rand_like(torch.ones(2)).shape', lambda: torch.rand_like(torch.ones(2)).shape),
    ('torch.tensor([1., 2.]) == torch.tensor([1., 3.])',
     lambda: torch.tensor([1., 2.]) == torch.tensor([1., 3.])),
    ('torch.tensor([1., 2.]).eq(1)', lambda: torch.tensor([1., 2.]).eq(1)),
    ('torch.all(torch.tensor([True, False]))', lambda: torch.all(torch.tensor([True, False]))),
    ('torch.tensor([[1., 2.], [3., 4.]]).flatten()', lambda: torch.tensor([[1., 2.], [3., 4.]]).flatten()),
    ('torch.nn.Flatten()(torch.ones(2, 2, 2)).shape',
     lambda: torch.nn.Flatten()(torch.ones(2, 2, 2)).shape),
    ('torch.tensor([1., 2.]).to(torch.float16)', lambda: torch.tensor([1., 2.]).to(torch.float16)),
    ('torch.tensor([3., 1., 2.]).sort()', lambda: torch.tensor([3., 1., 2.]).sort()),
    ('torch.tensor([3., 1., 2.]).topk(2)', lambda: torch.tensor([3., 1., 2.]).topk(2)),
    ('torch.tensor([1., 2., 3.]).cumsum(0)', lambda: torch.tensor([1., 2., 3.]).cumsum(0)),
    ('torch.tensor([[1., 2.], [3., 4.]]).sum(dim=1, keepdim=True)',
     lambda: torch.tensor([[1., 2.], [3., 4.]]).sum(dim=1, keepdim=True)),
    ('torch.tensor([1., 2.]).softmax(dim=0)', lambda: torch.tensor([1., 2.]).softmax(dim=0)),
    ('torch.nn.functional.softmax(torch.tensor([1., 2., 3.]), dim=0)',
     lambda: torch.nn.functional.softmax(torch.tensor([1., 2., 3.]), dim=0)),
    ('torch.tensor([1., 2.]).requires_grad_()', lambda: torch.tensor([1., 2.]).requires_grad_()),
    ('torch.randn(2, 3).mean(dim=-1).shape', lambda: torch.randn(2, 3).mean(dim=-1).shape),
    ('torch.where(torch.tensor([1., -1.]) > 0, 1., 0.)',
     lambda: torch.where(torch.tensor([1., -1.]) > 0, 1., 0.)),
    ('torch.tensor([0.1, 0.2]).round()', lambda: torch.tensor([0.1, 0.2]).round()),
    ('torch.tensor([1.23456789])', lambda: torch.tensor([1.23456789])),
    ('torch.tensor([1e-8, 1.])', lambda: torch.tensor([1e-8, 1.])),
    ('torch.tensor([1e10, 1.])', lambda: torch.tensor([1e10, 1.])),
    ('torch.tensor([[0.1234, 123.4]])', lambda: torch.tensor([[0.1234, 123.4]])),
    ('torch.arange(0, 1, 0.25)', lambda: torch.arange(0, 1, 0.25)),
    ('torch.tensor([1, 2, 3]).sum().item()', lambda: torch.tensor([1, 2, 3]).sum().item()),
    ('torch.tensor([2., 3.]).prod()', lambda: torch.tensor([2., 3.]).prod()),
    ('torch.tensor([1., 2.]).dot(torch.tensor([3., 4.]))',
     lambda: torch.tensor([1., 2.]).dot(torch.tensor([3., 4.]))),
]
for text, attempt in tries:
    try:
        print(text, "=>", repr(attempt()))
    except Exception as error:
        print(text, "=>", type(error).__name__, error)
""",
        (
            'torch.tensor([[1, 2], [3, 4]]) => tensor([[1, 2],\n'
            '        [3, 4]])\n'
            'torch.tensor([[1., 2.], [3., 4.]]).mean() => tensor(2.5000)\n'
            'torch.ones(2, 3).sum(dim=0) => tensor([2., 2., 2.])\n'
            'torch.arange(6).reshape(2, 3) => tensor([[0, 1, 2],\n'
            '        [3, 4, 5]])\n'
            'torch.arange(6).reshape(2, 3).T => tensor([[0, 3],\n'
            '        [1, 4],\n'
            '        [2, 5]])\n'
            'torch.zeros(2, 2, dtype=torch.int32) => tensor([[0, 0],\n'
            '        [0, 0]], dtype=torch.int32)\n'
            'torch.eye(3)[1] => tensor([0., 1., 0.])\n'
            'torch.linspace(0, 1, 5) => tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000])\n'
            'torch.full((2, 2), 3.5) => tensor([[3.5000, 3.5000],\n'
            '        [3.5000, 3.5000]])\n'
            'torch.rand(2, 2).shape => torch.Size([2, 2])\n'
            'torch.tensor([1., 2., 3.]).norm() => tensor(3.7417)\n'
            'torch.tensor([3., 1., 2.]).argmax() => tensor(0)\n'
            'torch.tensor([[1., 5.], [7., 2.]]).argmax(dim=1) => tensor([1, 0])\n'
            'torch.tensor([1, 2, 3]).float() => tensor([1., 2., 3.])\n'
            'torch.tensor([1., 2.]).double() => tensor([1., 2.], dtype=torch.float64)\n'
            'torch.tensor([1.5, 2.5]).long() => tensor([1, 2])\n'
            'torch.tensor([1., 2.]).pow(2) => tensor([1., 4.])\n'
            'torch.tensor([1., 2.]).mul(3) => tensor([3., 6.])\n'
            'torch.tensor([[1., 2.], [3., 4.]]).t() => tensor([[1., 3.],\n'
            '        [2., 4.]])\n'
            'torch.tensor([[1., 2.], [3., 4.]]) @ torch.tensor([[1., 0.], [0., 1.]]) => tensor([[1., 2.],\n'
            '        [3., 4.]])\n'
            'torch.tensor([[1., 2.], [3., 4.]]).matmul(torch.tensor([1., 1.])) => tensor([3., 7.])\n'
            'torch.cat([torch.ones(1, 2), torch.zeros(1, 2)], dim=0) => tensor([[1., 1.],\n'
            '        [0., 0.]])\n'
            'torch.stack([torch.ones(2), torch.zeros(2)], dim=1) => tensor([[1., 0.],\n'
            '        [1., 0.]])\n'
            'torch.tensor([1., -1., 0.5]).relu() => tensor([1.0000, 0.0000, 0.5000])\n'
            'torch.tensor([1., -1.]).sigmoid() => tensor([0.7311, 0.2689])\n'
            'torch.tensor([0.5]).item() => 0.5\n'
            'torch.tensor([[1., 2.]]).squeeze() => tensor([1., 2.])\n'
            'torch.tensor([1., 2.]).unsqueeze(0).shape => torch.Size([1, 2])\n'
            'torch.tensor([1., 2., 3., 4.]).view(2, -1) => tensor([[1., 2.],\n'
            '        [3., 4.]])\n'
            'torch.ones(2, 2).add_(1) => tensor([[2., 2.],\n'
            '        [2., 2.]])\n'
            'torch.tensor([1., 2.]).tolist() => [1.0, 2.0]\n'
            'torch.tensor([[1., 2.], [3., 4.]])[:, 1] => tensor([2., 4.])\n'
            'torch.tensor([[1., 2.], [3., 4.]])[..., -1] => tensor([2., 4.])\n'
            'torch.tensor([1., 2., 3.])[torch.tensor([True, False, True])] => tensor([1., 3.])\n'
            'torch.max(torch.tensor([[1., 5.], [7., 2.]]), 1) => torch.return_types.max(\n'
            'values=tensor([5., 7.]),\n'
            'indices=tensor([1, 0]))\n'
            'torch.tensor([1., 2.]) * torch.tensor([[1.], [2.]]) => tensor([[1., 2.],\n'
            '        [2., 4.]])\n'
            'torch.tensor([2.]).exp().log() => tensor([2.])\n'
            'torch.tensor([1, 2]) / 2 => tensor([0.5000, 1.0000])\n'
            'torch.tensor([1, 2]) // 2 => tensor([0, 1])\n'
            'torch.tensor([5, 7]) % 3 => tensor([2, 1])\n'
            'torch.tensor([1., 2.]).std() => tensor(0.7071)\n'
            'torch.tensor([[1., 2.], [3., 4.]]).var(dim=0) => tensor([2., 2.])\n'
            'torch.tensor([1., 2., 3.]).clamp(min=1.5) => tensor([1.5000, 2.0000, 3.0000])\n'
            'torch.tensor([1., 2.]).abs() => tensor([1., 2.])\n'
            'torch.tensor([1., 4.]).sqrt() => tensor([1., 2.])\n'
            'torch.tensor([1., 2.]).dtype => torch.float32\n'
            'torch.tensor([1, 2]).dtype => torch.int64\n'
            'torch.tensor(True).dtype => torch.bool\n'
            'torch.tensor([1., 2.]).size() => torch.Size([2])\n'
            'torch.tensor([[1., 2.], [3., 4.]]).size(1) => 2\n'
            'torch.tensor([1., 2.]).ndim => 1\n'
            'torch.tensor([[1., 2.], [3., 4.]]).numel() => 4\n'
            'torch.zeros_like(torch.ones(2, 2)) => tensor([[0., 0.],\n'
            '        [0., 0.]])\n'
            'torch.ones_like(torch.ones(2), dtype=torch.int64) => tensor([1, 1])\n'
            'torch.rand_like(torch.ones(2)).shape => torch.Size([2])\n'
            'torch.tensor([1., 2.]) == torch.tensor([1., 3.]) => tensor([ True, False])\n'
            'torch.tensor([1., 2.]).eq(1) => tensor([ True, False])\n'
            'torch.all(torch.tensor([True, False])) => tensor(False)\n'
            'torch.tensor([[1., 2.], [3., 4.]]).flatten() => tensor([1., 2., 3., 4.])\n'
            'torch.nn.Flatten()(torch.ones(2, 2, 2)).shape => torch.Size([2, 4])\n'
            'torch.tensor([1., 2.]).to(torch.float16) => tensor([1., 2.], dtype=torch.float16)\n'
            'torch.tensor([3., 1., 2.]).sort() => torch.return_types.sort(\n'
            'values=tensor([1., 2., 3.]),\n'
            'indices=tensor([1, 2, 0]))\n'
            'torch.tensor([3., 1., 2.]).topk(2) => torch.return_types.topk(\n'
            'values=tensor([3., 2.]),\n'
            'indices=tensor([0, 2]))\n'
            'torch.tensor([1., 2., 3.]).cumsum(0) => tensor([1., 3., 6.])\n'
            'torch.tensor([[1., 2.], [3., 4.]]).sum(dim=1, keepdim=True) => tensor([[3.],\n'
            '        [7.]])\n'
            'torch.tensor([1., 2.]).softmax(dim=0) => tensor([0.2689, 0.7311])\n'
            'torch.nn.functional.softmax(torch.tensor([1., 2., 3.]), dim=0) => tensor([0.0900, 0.2447, 0.6652])\n'  # noqa: E501
            'torch.tensor([1., 2.]).requires_grad_() => tensor([1., 2.], requires_grad=True)\n'
            'torch.randn(2, 3).mean(dim=-1).shape => torch.Size([2])\n'
            'torch.where(torch.tensor([1., -1.]) > 0, 1., 0.) => tensor([1., 0.])\n'
            'torch.tensor([0.1, 0.2]).round() => tensor([0., 0.])\n'
            'torch.tensor([1.23456789]) => tensor([1.2346])\n'
            'torch.tensor([1e-8, 1.]) => tensor([1.0000e-08, 1.0000e+00])\n'
            'torch.tensor([1e10, 1.]) => tensor([1.0000e+10, 1.0000e+00])\n'
            'torch.tensor([[0.1234, 123.4]]) => tensor([[  0.1234, 123.4000]])\n'
            'torch.arange(0, 1, 0.25) => tensor([0.0000, 0.2500, 0.5000, 0.7500])\n'
            'torch.tensor([1, 2, 3]).sum().item() => 6\n'
            'torch.tensor([2., 3.]).prod() => tensor(6.)\n'
            'torch.tensor([1., 2.]).dot(torch.tensor([3., 4.])) => tensor(11.)\n'
        ),
    ),
    # In-place writes through views of tensors outside a graph (x[1:] += v), into integer tensors, and with
    # operands that share the written memory: PyTorch's gradients, its version errors and its refusals.
    "in_place_through_views_and_with_operands_sharing_memory_as_in_pytorch": (
        r"""
import torch

v = torch.tensor([2.5, 3.5], requires_grad=True)
x = torch.zeros(3)
x[1:] += v
x.sum().backward()
print("x[1:] += v:", v.grad, x.grad_fn.name())
v.grad = None
x = torch.zeros(3)
s = x[1:]
s.mul_(v)
(s * 2).sum().backward()
print("s.mul_(v) on a view:", s.requires_grad, s.grad_fn.name(), v.grad)
v.grad = None
x = torch.zeros(3)
s = x[:2]
x[1] = v[0]
(s * 3).sum().backward()
print("a view made before:", s, v.grad)
y = torch.ones(3, requires_grad=True) * 1
e = y[5:]
e.mul_(2)
print("an empty view:", e.grad_fn.name(), y.grad_fn.name())
w = torch.tensor([1.5, 2.5], requires_grad=True)
n = torch.zeros(3, dtype=torch.int64)
n[1:].copy_(w)
print("into integers:", n, n.requires_grad)


def attempt(label, make):
    x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
    try:
        out = make(x)
        out.sum().backward()
        print(label, out.detach(), x.grad)
    except RuntimeError as error:
        print(label, "->", error)


def square_in_place(x):
    y = x * 1
    y.mul_(y)
    return y


def by_another_view(x):
    y = x * 1
    y[:2].mul_(y[2:])
    return y


def by_an_overlapping_view(x):
    y = x * 1
    y[1:].mul_(y[:3])
    return y


def by_a_clone(x):
    y = x * 1
    y[1:].mul_(y[:3].clone())
    return y


def pow_self(x):
    y = x * 1
    y.pow_(2)
    return y


for make in [square_in_place, by_another_view, by_an_overlapping_view, by_a_clone, pow_self]:
    attempt(make.__name__, make)
z = torch.arange(4.0)
z[::2].add_(z[1::2])
print(z)
""",
        (
            'x[1:] += v: tensor([1., 1.]) torch::autograd::CopySlices\n'
            's.mul_(v) on a view: True AsStridedBackward0 tensor([0., 0.])\n'
            'a view made before: tensor([0.0000, 2.5000], grad_fn=<AsStridedBackward0>) tensor([3., 0.])\n'
            'an empty view: AsStridedBackward0 torch::autograd::CopySlices\n'
            'into integers: tensor([0, 1, 2]) False\n'
            'square_in_place -> one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [4]], which is output 0 of Mul, is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).\n'  # noqa: E501
            'by_another_view -> one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [2]], which is output 0 of AsStrided, is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).\n'  # noqa: E501
            'by_an_overlapping_view -> unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory location. Please clone() the tensor before performing the operation.\n'  # noqa: E501
            'by_a_clone tensor([ 1.,  2.,  6., 12.]) tensor([3., 4., 6., 3.])\n'
            'pow_self tensor([ 1.,  4.,  9., 16.]) tensor([2., 4., 6., 8.])\n'
            'tensor([1., 1., 5., 3.])\n'
        ),
    ),
    # The views PyTorch refuses to change in place with grad mode on: outputs of split, chunk and unbind,
    # views made in no_grad mode, a view made before its base required grad; no_grad and plain ones allow it.
    "views_pytorch_refuses_to_change_in_place": (
        r"""
import torch
x = torch.tensor([1., 2., 3., 4.], requires_grad=True)
y = x * 1
attempts = [("chunk", lambda: y.chunk(2)[0].mul_(2)), ("split", lambda: y.split(2)[1].add_(1)),
            ("unbind", lambda: y.unbind()[3].mul_(2))]
for name, attempt in attempts:
    try:
        attempt()
        print(name, "ok")
    except RuntimeError as error:
        print(name, "->", error)
with torch.no_grad():
    v = y[1:]
    u = x[1:]
for name, attempt in [("no_grad view of y", lambda: v.mul_(2)), ("no_grad view of x", lambda: u.mul_(2))]:
    try:
        attempt()
        print(name, "ok")
    except RuntimeError as error:
        print(name, "->", error)
w = torch.tensor([1., 2., 3.])
early = w[1:]
w.requires_grad_()
try:
    early.mul_(2)
except RuntimeError as error:
    print("view before requires_grad_ ->", error)
with torch.no_grad():
    v.mul_(2)
print(y)
plain = torch.ones(4)
piece = plain.chunk(2)[0]
piece.mul_(2)
print(plain)
""",
        (
            'chunk -> Output 0 of Split is a view and is being modified inplace. This view is the output of a function that returns multiple views. Such functions do not allow the output views to be modified inplace. You should replace the inplace operation by an out-of-place one.\n'  # noqa: E501
            'split -> Output 1 of Split is a view and is being modified inplace. This view is the output of a function that returns multiple views. Such functions do not allow the output views to be modified inplace. You should replace the inplace operation by an out-of-place one.\n'  # noqa: E501
            'unbind -> Output 3 of Unbind is a view and is being modified inplace. This view is the output of a function that returns multiple views. Such functions do not allow the output views to be modified inplace. You should replace the inplace operation by an out-of-place one.\n'  # noqa: E501
            "no_grad view of y -> A view was created in no_grad mode and is being modified inplace with grad mode enabled. Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify your code by moving both the view and the inplace either both inside the no_grad block (if you don't want the inplace to be tracked) or both outside (if you want the inplace to be tracked).\n"  # noqa: E501
            "no_grad view of x -> A view was created in no_grad mode and is being modified inplace with grad mode enabled. Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify your code by moving both the view and the inplace either both inside the no_grad block (if you don't want the inplace to be tracked) or both outside (if you want the inplace to be tracked).\n"  # noqa: E501
            'view before requires_grad_ -> a view of a leaf Variable that requires grad is being used in an in-place operation.\n'  # noqa: E501
            'tensor([1., 4., 6., 8.], grad_fn=<MulBackward0>)\n'
            'tensor([2., 2., 1., 1.])\n'
        ),
    ),
    # retain_grad follows an in-place change: .grad is the gradient of the values held at backward.
    "retain_grad_follows_an_in_place_change": (
        r"""
import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = x * 1
y.retain_grad()
y.mul_(2)
(y * 3).sum().backward()
print(y.grad, x.grad, y.retains_grad)
x.grad = None
y = x * 1
y.retain_grad()
y[1:].mul_(2)
(y * 3).sum().backward()
print(y.grad, x.grad)
x.grad = None
y = x * 1
v = y[:2]
v.retain_grad()
y.mul_(5)
(v * 2).sum().backward()
print(v.grad, x.grad)
""",
        (
            'tensor([3., 3., 3.]) tensor([6., 6., 6.]) True\n'
            'tensor([3., 3., 3.]) tensor([3., 6., 6.])\n'
            'tensor([2., 2.]) tensor([10., 10.,  0.])\n'
        ),
    ),
    # An in-place op keeps its tensor's dtype: a result of a higher kind (floats into integers) is refused.
    "in_place_results_cast_only_within_or_up_a_kind": (
        r"""
import torch
attempts = [
    ("int += 1.5", lambda: torch.tensor([1, 2]).add_(1.5)),
    ("int *= 2", lambda: torch.tensor([1, 2]).mul_(2)),
    ("bool add_ 1", lambda: torch.tensor([True]).add_(1)),
    ("int /= 2", lambda: torch.tensor([4, 2]).div_(2)),
    ("int sigmoid_", lambda: torch.tensor([1]).sigmoid_()),
    ("float += int tensor", lambda: torch.ones(2).add_(torch.tensor([1, 2]))),
    ("int += float tensor", lambda: torch.tensor([1, 2]).add_(torch.ones(2))),
    ("half += float", lambda: torch.ones(2, dtype=torch.float16).add_(torch.ones(2))),
    ("double += float", lambda: torch.ones(2, dtype=torch.float64).add_(torch.ones(2))),
]
for label, attempt in attempts:
    try:
        print(label, attempt())
    except RuntimeError as error:
        print(label, "->", error)
x = torch.tensor([1, 2])
x += 1
print(x)
try:
    x += 0.5
except RuntimeError as error:
    print(error)
""",
        (
            "int += 1.5 -> result type Float can't be cast to the desired output type Long\n"
            'int *= 2 tensor([2, 4])\n'
            "bool add_ 1 -> result type Long can't be cast to the desired output type Bool\n"
            "int /= 2 -> result type Float can't be cast to the desired output type Long\n"
            "int sigmoid_ -> result type Float can't be cast to the desired output type Long\n"
            'float += int tensor tensor([2., 3.])\n'
            "int += float tensor -> result type Float can't be cast to the desired output type Long\n"
            'half += float tensor([2., 2.], dtype=torch.float16)\n'
            'double += float tensor([2., 2.], dtype=torch.float64)\n'
            'tensor([2, 3])\n'
            "result type Float can't be cast to the desired output type Long\n"
        ),
    ),
    # .data has a version counter of its own (changing it is never a version error), a root given twice
    # counts once, and a module sets plain attributes before super().__init__() but no parameters or modules.
    "data_repeated_roots_and_attributes_before_module_init": (
        r"""
import torch
from torch import nn

w = torch.ones(2, requires_grad=True)
y = w * w
w.data.mul_(3)
y.sum().backward()
print(w.grad, w)
a = torch.ones(2, requires_grad=True)
y = a * 2
torch.autograd.backward([y, y], [torch.ones(2), torch.ones(2)])
print(a.grad)
y = a * 2
print(torch.autograd.grad([y, y], a, [torch.ones(2), torch.ones(2)]))


class Early(nn.Module):
    def __init__(self, kind):
        self.size = 3
        try:
            if kind == "parameter":
                self.weight = nn.Parameter(torch.ones(1))
            elif kind == "module":
                self.layer = nn.Linear(1, 1)
        except AttributeError as error:
            print(kind, "->", error)
        super().__init__()


for kind in ["plain", "parameter", "module"]:
    print(Early(kind).size)
""",
        (
            'tensor([6., 6.]) tensor([3., 3.], requires_grad=True)\n'
            'tensor([4., 4.])\n'
            '(tensor([4., 4.]),)\n'
            '3\n'
            'parameter -> cannot assign parameters before Module.__init__() call\n'
            '3\n'
            'module -> cannot assign module before Module.__init__() call\n'
            '3\n'
        ),
    ),
    # Tensor bounds for clamp and a tensor value for masked_fill are in the graph: they get gradients.
    "tensor_bounds_and_fill_values_get_gradients": (
        r"""
import torch
x = torch.tensor([1.0, -1.0, 3.0], requires_grad=True)
lo = torch.tensor(0.5, requires_grad=True)
hi = torch.tensor([2.0, 2.0, 2.5], requires_grad=True)
y = torch.clamp(x, min=lo)
y.sum().backward()
print(y, x.grad, lo.grad)
x.grad = None
lo.grad = None
z = x.clamp(lo, hi)
(z * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(z, x.grad, lo.grad, hi.grad)
x.grad = None
m = torch.tensor([True, False, True])
t = torch.tensor(7.0, requires_grad=True)
f = (x * 1).masked_fill(m, t)
(f * 2).sum().backward()
print(f, t.grad, x.grad)
print(torch.clamp(torch.tensor([1, 5, 9]), min=torch.tensor(2), max=torch.tensor(6)))
print(torch.clamp(torch.tensor([1, 5, 9]), min=torch.tensor(2.5)))
""",
        (
            'tensor([1.0000, 0.5000, 3.0000], grad_fn=<ClampBackward0>) tensor([1., 0., 1.]) tensor(1.)\n'
            'tensor([1.0000, 0.5000, 2.5000], grad_fn=<ClampBackward0>) tensor([1., 0., 0.]) tensor(2.) tensor([0., 0., 3.])\n'  # noqa: E501
            'tensor([ 7., -1.,  7.], grad_fn=<MaskedFillBackward1>) tensor(4.) tensor([0., 2., 0.])\n'
            'tensor([2, 5, 6])\n'
            'tensor([2.5000, 5.0000, 9.0000])\n'
        ),
    ),
    # Writes whose source overlaps the written memory, writes into expanded tensors, the version error's name
    # for a node numbered above 0 (Fill2), retain_grad and requires_grad_ on non-leaves, relu at nan, and exp
    # overflowing to inf without a warning: all as in PyTorch.
    "overlapping_writes_and_small_semantics_as_in_pytorch": (
        r"""
import torch

a = torch.arange(4.0)
try:
    a[1:] = a[:-1]
except RuntimeError as error:
    print("a[1:] = a[:-1] ->", error)
writes = [("a.copy_(a[0])", lambda: a.copy_(a[0])), ("a[::2].mul_(a[2:3])", lambda: a[::2].mul_(a[2:3]))]
for label, attempt in writes:
    try:
        attempt()
        print(label, "->", a)
    except RuntimeError as error:
        print(label, "->", error)
x = torch.tensor([1.0, 2.0])
y = x.unsqueeze(0).expand(3, 2)
y[0] = torch.tensor([5.0, 6.0])
print(x)
try:
    y[:] = 7
except RuntimeError as error:
    print("y[:] = 7 ->", error)
try:
    y[:, 0] = 9
except RuntimeError as error:
    print("y[:, 0] = 9 ->", error)
w = torch.tensor([1.0, 2.0], requires_grad=True)
f = w * 1
f.fill_(3.0)
g = f * f
f.add_(1)
try:
    g.sum().backward()
except RuntimeError as error:
    print(str(error)[:140])
c = torch.ones(2) + 1
try:
    c.retain_grad()
except RuntimeError as error:
    print(error)
h = w * 2
h.requires_grad_()
print(h.requires_grad, h.is_leaf)
r = torch.tensor([float("nan"), 1.0, -1.0], requires_grad=True)
torch.relu(r).sum().backward()
print(r.grad)
print(torch.tensor([100.0]).exp(), torch.tensor(100.0).exp(), torch.tensor(1.0, requires_grad=True).exp())
""",
        (
            'a[1:] = a[:-1] -> unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory location. Please clone() the tensor before performing the operation.\n'  # noqa: E501
            'a.copy_(a[0]) -> unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory location. Please clone() the tensor before performing the operation.\n'  # noqa: E501
            'a[::2].mul_(a[2:3]) -> tensor([0., 1., 4., 3.])\n'
            'tensor([5., 6.])\n'
            'y[:] = 7 -> unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.\n'  # noqa: E501
            'y[:, 0] = 9 -> unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.\n'  # noqa: E501
            'one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [2]], which is output 0 o\n'  # noqa: E501
            "can't retain_grad on Tensor that has requires_grad=False\n"
            'True False\n'
            'tensor([1., 1., 0.])\n'
            'tensor([inf]) tensor(inf) tensor(2.7183, grad_fn=<ExpBackward0>)\n'
        ),
    ),
    # A view made in no_grad mode of a tensor that requires grad requires grad itself, as a leaf without
    # .grad (ops on it are recorded; no gradient goes through it); unbind makes UnbindBackward0 views.
    "no_grad_views_require_grad_and_unbind_is_its_own_node": (
        r"""
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
with torch.no_grad():
    v = y[1:]
    u = x[1:]
print(v.requires_grad, v.is_leaf, v.grad_fn, u.requires_grad, u.is_leaf, u.grad_fn)
z = v.exp() + u.exp()
print(type(z.grad_fn).__name__, [type(n).__name__ for n, _ in z.grad_fn.next_functions])
z.sum().backward()
print(x.grad, v.grad, u.grad)
try:
    u.sum().backward()
    v.backward(torch.ones(2))
except RuntimeError as error:
    print(error)
m = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
first, second = m.unbind(0)
print(first, first.grad_fn.name())
(first * 2 + second).sum().backward()
print(m.grad)
""",
        (
            'True True None True True None\n'
            "AddBackward0 ['ExpBackward0', 'ExpBackward0']\n"
            'None None None\n'
            'element 0 of tensors does not require grad and does not have a grad_fn\n'
            'tensor([1., 2.], grad_fn=<UnbindBackward0>) UnbindBackward0\n'
            'tensor([[2., 2.],\n'
            '        [1., 1.]])\n'
        ),
    ),
    # torch.bmm (batched matrix products, as in attention code) and its refusals, in PyTorch's words.
    "bmm_multiplies_matrix_batches_and_refuses_what_pytorch_refuses": (
        r"""
import torch
a = torch.ones(2, 2, 3, requires_grad=True)
b = torch.full((2, 3, 4), 2.0, requires_grad=True)
c = torch.bmm(a, b)
print(c.shape, c.grad_fn.name(), a.bmm(b).grad_fn.name())
c.sum().backward()
print(a.grad[0], b.grad[1, 0])
double = torch.ones(2, 3, 4, dtype=torch.float64)
for x, y in [(torch.ones(2, 3), torch.ones(3, 2)), (torch.ones(2, 2, 3), torch.ones(2, 4)),
             (torch.ones(2, 2, 3), torch.ones(3, 3, 4)), (torch.ones(2, 2, 3), double)]:
    try:
        torch.bmm(x, y)
    except RuntimeError as error:
        print(error)
""",
        (
            'torch.Size([2, 2, 4]) BmmBackward0 BmmBackward0\n'
            'tensor([[8., 8., 8.],\n'
            '        [8., 8., 8.]]) tensor([2., 2., 2., 2.])\n'
            'batch1 must be a 3D tensor\n'
            'batch2 must be a 3D tensor\n'
            'Expected size for first two dimensions of batch2 tensor to be: [2, 3] but got: [3, 3].\n'
            'expected scalar type Float but found Double\n'
        ),
    ),
    # The video series' "Vectors & Matrices": torch.linalg.cross and torch.linalg.matmul (out= too).
    "linalg_matmul_is_matmul_as_the_video_series_calls_it": (
        r"""
import torch
v1 = torch.tensor([1., 0., 0.])
v2 = torch.tensor([0., 1., 0.])
m1 = torch.tensor([[0.5, 0.25], [0.125, 1.0]], requires_grad=True)
m2 = torch.tensor([[3., 0.], [0., 3.]])
print(torch.linalg.cross(v2, v1))
m3 = torch.linalg.matmul(m1, m2)
print(m3)
out = torch.zeros(2, 2)
print(torch.linalg.matmul(m1.detach(), m2, out=out) is out, out)
""",
        (
            'tensor([ 0.,  0., -1.])\n'
            'tensor([[1.5000, 0.7500],\n'
            '        [0.3750, 3.0000]], grad_fn=<MmBackward0>)\n'
            'True tensor([[1.5000, 0.7500],\n'
            '        [0.3750, 3.0000]])\n'
        ),
    ),
    # Learning-rate schedulers as training loops use them: the rates each step sets (products of the rate
    # the group has now, LambdaLR's of the first), and resuming without the first rate.
    "lr_schedulers_set_the_rates_pytorch_sets": (
        r"""
import torch
from torch.optim.lr_scheduler import ExponentialLR, LambdaLR, MultiStepLR, StepLR
w = torch.nn.Parameter(torch.tensor([1.0]))
optimizer = torch.optim.SGD([w], lr=0.1)
scheduler = StepLR(optimizer, step_size=2, gamma=0.5)
print(scheduler.get_last_lr(), optimizer.param_groups[0]["initial_lr"], scheduler.last_epoch)
for epoch in range(5):
    optimizer.zero_grad()
    loss = (w * 3).pow(2).sum()
    loss.backward()
    optimizer.step()
    scheduler.step()
    print(epoch, scheduler.get_last_lr(), optimizer.param_groups[0]["lr"])
for make in (lambda o: MultiStepLR(o, milestones=[1, 3, 3], gamma=0.1), lambda o: ExponentialLR(o, gamma=0.9),
             lambda o: LambdaLR(o, lr_lambda=lambda epoch: 0.95 ** epoch)):
    optimizer = torch.optim.Adam([w], lr=0.01)
    scheduler = make(optimizer)
    rates = []
    for epoch in range(4):
        optimizer.step()
        scheduler.step()
        rates.append(scheduler.get_last_lr()[0])
    print(type(scheduler).__name__, rates)
print(repr(scheduler).split(" object")[0])
try:
    StepLR(torch.optim.SGD([w], lr=0.1), step_size=1, last_epoch=3)
except KeyError as error:
    print(error.args[0].splitlines()[0])
""",
        (
            '[0.1] 0.1 0\n'
            '0 [0.1] 0.1\n'
            '1 [0.05] 0.05\n'
            '2 [0.05] 0.05\n'
            '3 [0.025] 0.025\n'
            '4 [0.025] 0.025\n'
            'MultiStepLR [0.001, 0.001, 1.0000000000000003e-05, 1.0000000000000003e-05]\n'
            'ExponentialLR [0.009000000000000001, 0.008100000000000001, 0.007290000000000001, 0.006561000000000002]\n'  # noqa: E501
            'LambdaLR [0.0095, 0.009025, 0.00857375, 0.0081450625]\n'
            '<torch.optim.lr_scheduler.LambdaLR\n'
            "param 'initial_lr' is not specified in param_groups[0] when resuming scheduler with last_epoch >= 0.\n"  # noqa: E501
        ),
    ),
    # torch.utils.data.random_split: parts of given sizes or of shares adding up to 1 (rounded down, the rest
    # handed out from the first), from one randperm of the default or a given generator; Subset, its
    # indices, a list of positions at once, in a DataLoader, split again; and the errors.
    "random_split_deals_a_dataset_into_subsets_as_pytorch_draws_them": (
        r"""
import torch
from torch.utils.data import DataLoader, Subset, TensorDataset, random_split
torch.manual_seed(0)
data = TensorDataset(torch.arange(10.0), torch.arange(10) % 2)
train, val = random_split(data, [7, 3])
print(type(train).__name__, len(train), len(val), train.indices, val.indices)
print(train[0], val[-1])
print(torch.rand(1))
g = torch.Generator().manual_seed(42)
parts = random_split(range(10), [0.5, 0.3, 0.2], generator=g)
print([list(part) for part in parts])
print([len(part) for part in random_split(range(7), [0.5, 0.5])])
print([len(part) for part in random_split(range(5), [0.3, 0.3, 0.4])])
sub = Subset(data, [3, 1])
print(len(sub), sub[1], sub.dataset is data, sub.indices)
print(sub[[0, 1]])
for X, y in DataLoader(train, batch_size=4):
    print(X.tolist(), y.tolist())
nested = random_split(train, [4, 3], generator=torch.Generator().manual_seed(1))
print(nested[0].indices, nested[0][0], nested[0].dataset is train)
for lengths in ([5, 6], [1.2, -0.2], [0.5, 0.6], [0.7, 0.2]):
    try:
        random_split(data, lengths)
    except ValueError as error:
        print(type(error).__name__, error)
""",
        (
            'Subset 7 3 [4, 1, 7, 5, 3, 9, 0] [8, 6, 2]\n'
            '(tensor(4.), tensor(0)) (tensor(2.), tensor(0))\n'
            'tensor([0.6323])\n'
            '[[2, 6, 1, 8, 4], [5, 0, 9], [3, 7]]\n'
            '[4, 3]\n'
            '[2, 1, 2]\n'
            '2 (tensor(1.), tensor(1)) True [3, 1]\n'
            '(tensor([3., 1.]), tensor([1, 1]))\n'
            '[4.0, 1.0, 7.0, 5.0] [0, 1, 1, 1]\n'
            '[3.0, 9.0, 0.0] [1, 1, 0]\n'
            '[0, 6, 1, 3] (tensor(4.), tensor(0)) True\n'
            'ValueError Sum of input lengths does not equal the length of the input dataset!\n'
            'ValueError Fraction at index 0 is not between 0 and 1\n'
            'ValueError Sum of input lengths does not equal the length of the input dataset!\n'
            'ValueError Sum of input lengths does not equal the length of the input dataset!\n'
        ),
    ),
    # torch.utils.data: TensorDataset and DataLoader batches, shuffled as PyTorch shuffles after manual_seed
    # (and leaving the random stream where PyTorch leaves it), drop_last, a Generator of its own.
    "dataloader_batches_and_shuffles_in_pytorchs_order": (
        r"""
import torch
from torch.utils.data import DataLoader, TensorDataset
torch.manual_seed(0)
x = torch.arange(10.0).reshape(5, 2)
y = torch.tensor([0, 1, 0, 1, 1])
data = TensorDataset(x, y)
print(len(data), data[1])
loader = DataLoader(data, batch_size=2, shuffle=True)
print(len(loader), len(loader.dataset))
for epoch in range(2):
    for batch, (X, labels) in enumerate(loader):
        print(epoch, batch, X.tolist(), labels)
print(torch.rand(1))
for X, labels in DataLoader(data, batch_size=2, drop_last=True):
    print(X.shape, labels.tolist())
g = torch.Generator()
g.manual_seed(7)
print([batch.tolist() for batch in DataLoader(torch.arange(6), batch_size=4, shuffle=True, generator=g)])
try:
    DataLoader(data, batch_size=0)
except ValueError as error:
    print(error)
""",
        (
            '5 (tensor([2., 3.]), tensor(1))\n'
            '3 5\n'
            '0 0 [[2.0, 3.0], [8.0, 9.0]] tensor([1, 1])\n'
            '0 1 [[4.0, 5.0], [6.0, 7.0]] tensor([0, 1])\n'
            '0 2 [[0.0, 1.0]] tensor([0])\n'
            '1 0 [[4.0, 5.0], [6.0, 7.0]] tensor([0, 1])\n'
            '1 1 [[8.0, 9.0], [0.0, 1.0]] tensor([1, 0])\n'
            '1 2 [[2.0, 3.0]] tensor([1])\n'
            'tensor([0.4556])\n'
            'torch.Size([2, 2]) [0, 1]\n'
            'torch.Size([2, 2]) [0, 1]\n'
            '[[1, 2, 5, 3], [0, 4]]\n'
            'batch_size should be a positive integer value, but got batch_size=0\n'
        ),
    ),
    # A Dataset subclass of one's own (plain Python: the playground does not define __len__), collated
    # field by field: Python floats as float64, ints as int64.
    "a_dataset_of_ones_own_is_collated_field_by_field": (
        r"""
import torch
from torch.utils.data import DataLoader, Dataset
class Squares(Dataset):
    def __len__(self):
        return 3
    def __getitem__(self, index):
        return float(index), index * index
for values, squares in DataLoader(Squares(), batch_size=2):
    print(values, squares)
""",
        (
            'tensor([0., 1.], dtype=torch.float64) tensor([0, 1])\n'
            'tensor([2.], dtype=torch.float64) tensor([4])\n'
        ),
    ),
    # Learn the Basics' custom dataset as a learner writes one for the article's line: __init__, __len__ and
    # __getitem__, indexed, then shuffled by a DataLoader and trained on (the batches follow manual_seed).
    "a_dataset_class_with_len_and_getitem_is_indexed_shuffled_and_trained_on": (
        r"""
import torch
from torch.utils.data import Dataset, DataLoader

class Line(Dataset):
    '''y = 2x, the article's line, as a dataset.'''
    def __init__(self, n):
        super().__init__()
        self.x = torch.linspace(0, 1, n).unsqueeze(1)
        self.y = 2 * self.x

    def __len__(self):
        return len(self.x)

    def __getitem__(self, idx):
        return self.x[idx], self.y[idx]

torch.manual_seed(0)
data = Line(6)
print(len(data), data[2])
loader = DataLoader(data, batch_size=4, shuffle=True)
print(len(loader))
for xb, yb in loader:
    print(xb.shape, yb.squeeze(1))
model = torch.nn.Linear(1, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(3):
    for xb, yb in loader:
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(model(xb), yb)
        loss.backward()
        opt.step()
    print(epoch, round(loss.item(), 4))
print(isinstance(data, Dataset), type(data).__name__)
""",
        (
            '6 (tensor([0.4000]), tensor([0.8000]))\n'
            '2\n'
            'torch.Size([4, 1]) tensor([0.0000, 1.6000, 1.2000, 2.0000])\n'
            'torch.Size([2, 1]) tensor([0.8000, 0.4000])\n'
            '0 0.4599\n'
            '1 0.1777\n'
            '2 0.0969\n'
            'True Line\n'
        ),
    ),
    # Recurrent layers (the "Building Models" and "Sequence Models and LSTMs" tutorials): RNN (tanh, relu, no
    # bias), a 2-layer GRU, a bidirectional LSTM and a batch_first bidirectional GRU start from PyTorch's
    # numbers after manual_seed and give its outputs, final states and gradients; its errors for bad shapes.
    "recurrent_layers_give_pytorchs_outputs_states_gradients_and_errors": (
        r"""
import torch
import torch.nn as nn
torch.manual_seed(0)
x = torch.randn(4, 2, 3)
for layer in [nn.RNN(3, 2), nn.RNN(3, 2, nonlinearity="relu", bias=False), nn.GRU(3, 2, num_layers=2),
              nn.LSTM(3, 2, bidirectional=True),
              nn.GRU(3, 2, batch_first=True, bidirectional=True, num_layers=2)]:
    out, state = layer(x)
    h = state[0] if isinstance(state, tuple) else state
    print(layer, [name for name, _ in layer.named_parameters()][-2:], tuple(out.shape), tuple(h.shape))
    print(out[-1].detach(), h[-1].detach())
    (out.sum() + h.pow(2).sum()).backward()
    print(layer.weight_hh_l0.grad)
lstm = nn.LSTM(3, 2)
out, (h, c) = lstm(torch.randn(5, 3), (torch.zeros(1, 2), torch.ones(1, 2)))  # unbatched
print(tuple(out.shape), tuple(h.shape), c.detach())
for call in [lambda: lstm(torch.randn(1, 2, 2, 3)), lambda: lstm(torch.randn(4, 2, 5)),
             lambda: lstm(x, (torch.zeros(1, 3, 2), torch.zeros(1, 2, 2))),
             lambda: lstm(x, (torch.zeros(1, 2, 2), torch.zeros(1, 2, 3))),
             lambda: lstm(x, (torch.zeros(2, 2), torch.zeros(2, 2))),
             lambda: nn.GRU(3, 2)(torch.randn(4, 3), torch.zeros(1, 1, 2)),
             lambda: nn.RNN(3, 2)(x, torch.zeros(2, 2, 2)),
             lambda: nn.RNN(3, 2, nonlinearity="gelu"), lambda: nn.LSTM(3, 2, dropout=1.5),
             lambda: nn.GRU(3, 0), lambda: nn.LSTM(3, 2.0)]:
    try:
        call()
    except Exception as error:
        print(type(error).__name__, error)
""",
        (
            "RNN(3, 2) ['bias_ih_l0', 'bias_hh_l0'] (4, 2, 2) (1, 2, 2)\n"
            'tensor([[ 0.8403, -0.7783],\n'
            '        [ 0.7326,  0.9734]]) tensor([[ 0.8403, -0.7783],\n'
            '        [ 0.7326,  0.9734]])\n'
            'tensor([[2.5940, 0.3128],\n'
            '        [2.6889, 1.7445]])\n'
            "RNN(3, 2, bias=False) ['weight_ih_l0', 'weight_hh_l0'] (4, 2, 2) (1, 2, 2)\n"
            'tensor([[1.1498, 0.0000],\n'
            '        [0.0000, 1.4845]]) tensor([[1.1498, 0.0000],\n'
            '        [0.0000, 1.4845]])\n'
            'tensor([[3.8196, 4.8060],\n'
            '        [0.0000, 2.0180]])\n'
            "GRU(3, 2, num_layers=2) ['bias_ih_l1', 'bias_hh_l1'] (4, 2, 2) (2, 2, 2)\n"
            'tensor([[0.4599, 0.1518],\n'
            '        [0.6901, 0.1482]]) tensor([[0.4599, 0.1518],\n'
            '        [0.6901, 0.1482]])\n'
            'tensor([[-0.1136, -0.0287],\n'
            '        [-0.0332, -0.0271],\n'
            '        [-0.0083, -0.0295],\n'
            '        [ 0.1341, -0.3097],\n'
            '        [ 0.2517,  0.0353],\n'
            '        [ 0.1496, -0.0703]])\n'
            "LSTM(3, 2, bidirectional=True) ['bias_ih_l0_reverse', 'bias_hh_l0_reverse'] (4, 2, 4) (2, 2, 2)\n"  # noqa: E501
            'tensor([[ 0.0245, -0.2018, -0.0962, -0.0157],\n'
            '        [-0.6030, -0.0252, -0.1803, -0.0031]]) tensor([[-0.3560,  0.0604],\n'
            '        [-0.5203,  0.0300]])\n'
            'tensor([[-0.0045,  0.0158],\n'
            '        [ 0.0109, -0.0073],\n'
            '        [ 0.0068,  0.0069],\n'
            '        [ 0.0277,  0.1440],\n'
            '        [-0.0250, -0.0254],\n'
            '        [-0.1026, -0.2624],\n'
            '        [-0.0031,  0.0308],\n'
            '        [ 0.0318,  0.1125]])\n'
            "GRU(3, 2, num_layers=2, batch_first=True, bidirectional=True) ['bias_ih_l1_reverse', 'bias_hh_l1_reverse'] (4, 2, 4) (4, 4, 2)\n"  # noqa: E501
            'tensor([[ 0.1441,  0.1794,  0.1832, -0.4585],\n'
            '        [ 0.2684,  0.2697,  0.1711, -0.3215]]) tensor([[-0.0228, -0.4567],\n'
            '        [ 0.1041, -0.4354],\n'
            '        [-0.1223, -0.4411],\n'
            '        [ 0.1832, -0.4585]])\n'
            'tensor([[-0.0006,  0.0001],\n'
            '        [ 0.0054,  0.0005],\n'
            '        [ 0.0299,  0.0185],\n'
            '        [-0.0188,  0.0108],\n'
            '        [ 0.0169,  0.0029],\n'
            '        [-0.0645, -0.0103]])\n'
            '(5, 2) (1, 2) tensor([[-0.0399,  0.1782]])\n'
            'ValueError LSTM: Expected input to be 2D or 3D, got 4D instead\n'
            'RuntimeError input.size(-1) must be equal to input_size. Expected 3, got 5\n'
            'RuntimeError Expected hidden[0] size (1, 2, 2), got [1, 3, 2]\n'
            'RuntimeError Expected hidden[1] size (1, 2, 2), got [1, 2, 3]\n'
            'RuntimeError For batched 3-D input, hx and cx should also be 3-D but got (2-D, 2-D) tensors\n'
            'RuntimeError For unbatched 2-D input, hx should also be 2-D but got 3-D tensor\n'
            'RuntimeError Expected hidden size (1, 2, 2), got [2, 2, 2]\n'
            "ValueError Unknown nonlinearity 'gelu'. Select from 'tanh' or 'relu'.\n"
            'ValueError dropout should be a number in range [0, 1] representing the probability of an element being zeroed\n'  # noqa: E501
            'ValueError hidden_size must be greater than zero\n'
            'TypeError hidden_size should be of type int, got: float\n'
        ),
    ),
    # nn.ModuleDict (layers by name, registered, in order; PyTorch's errors for bad names and modules) and
    # nn.Unflatten, Flatten's inverse (one size may be -1), with unflatten's error.
    "module_dict_and_unflatten_as_pytorchs": (
        r"""
import torch
import torch.nn as nn
torch.manual_seed(0)
layers = nn.ModuleDict({"fc": nn.Linear(2, 3), "act": nn.ReLU()})
print(layers)
print(list(layers.keys()), len(layers), "fc" in layers, layers["act"])
layers["out"] = nn.Linear(3, 1)
layers.update({"extra": nn.Tanh()})
layers.update([("last", nn.Sigmoid())])
print([name for name, _ in layers.named_parameters()])
for name, module in layers.items():
    print(name, type(module).__name__)
print(layers.pop("extra"), list(layers))
del layers["last"]
print(list(layers.values()))

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleDict({"a": nn.Linear(2, 2), "b": nn.Linear(2, 1)})

    def forward(self, x):
        return self.layers["b"](torch.relu(self.layers["a"](x)))

net = Net()
print(net)
out = net(torch.ones(1, 2))
out.backward()
print(out, net.layers["a"].weight.grad)
def number_key():
    layers[3] = nn.ReLU()

for bad in [number_key, lambda: nn.ModuleDict({"a": 3}),
            lambda: nn.ModuleDict({"a.b": nn.ReLU()}), lambda: nn.ModuleDict({"keys": nn.ReLU()}),
            lambda: layers.update([("a", nn.ReLU(), 1)]), lambda: layers.update(3)]:
    try:
        bad()
    except Exception as error:
        print(type(error).__name__, error)
unflatten = nn.Unflatten(1, (2, 5))
print(unflatten, unflatten(torch.arange(20.).view(2, 10)).shape)
print(nn.Sequential(nn.Flatten(), nn.Unflatten(1, (4, 3))))
print(torch.arange(12.).view(2, 6).unflatten(1, (3, -1)).shape)
for sizes in [(3, 4), (4, -1)]:
    try:
        nn.Unflatten(1, sizes)(torch.ones(2, 10))
    except Exception as error:
        print(type(error).__name__, error)
""",
        (
            'ModuleDict(\n'
            '  (fc): Linear(in_features=2, out_features=3, bias=True)\n'
            '  (act): ReLU()\n'
            ')\n'
            "['fc', 'act'] 2 True ReLU()\n"
            "['fc.weight', 'fc.bias', 'out.weight', 'out.bias']\n"
            'fc Linear\n'
            'act ReLU\n'
            'out Linear\n'
            'extra Tanh\n'
            'last Sigmoid\n'
            "Tanh() ['fc', 'act', 'out', 'last']\n"
            '[Linear(in_features=2, out_features=3, bias=True), ReLU(), Linear(in_features=3, out_features=1, bias=True)]\n'  # noqa: E501
            'Net(\n'
            '  (layers): ModuleDict(\n'
            '    (a): Linear(in_features=2, out_features=2, bias=True)\n'
            '    (b): Linear(in_features=2, out_features=1, bias=True)\n'
            '  )\n'
            ')\n'
            'tensor([[0.5872]], grad_fn=<AddmmBackward0>) tensor([[0., 0.],\n'
            '        [0., 0.]])\n'
            'TypeError module name should be a string. Got int\n'
            'TypeError int is not a Module subclass\n'
            'KeyError \'module name can\\\'t contain ".", got: a.b\'\n'
            'KeyError "attribute \'keys\' already exists"\n'
            'ValueError ModuleDict update sequence element #0 has length 3; 2 is required\n'
            'TypeError ModuleDict.update should be called with an iterable of key/value pairs, but got int\n'
            'Unflatten(dim=1, unflattened_size=(2, 5)) torch.Size([2, 2, 5])\n'
            'Sequential(\n'
            '  (0): Flatten(start_dim=1, end_dim=-1)\n'
            '  (1): Unflatten(dim=1, unflattened_size=(4, 3))\n'
            ')\n'
            'torch.Size([2, 3, 2])\n'
            "RuntimeError unflatten: Provided sizes [3, 4] don't multiply up to the size of dim 1 (10) in the input tensor\n"  # noqa: E501
            "RuntimeError unflatten: Provided sizes [4, -1] don't multiply up to the size of dim 1 (10) in the input tensor\n"  # noqa: E501
        ),
    ),
    # The "Introduction to PyTorch Tensors" video's less common ops: atan2 and cumprod (with their gradients,
    # zeros included), strides of views, meshgrid (both indexings), repeat_interleave and index_select.
    "atan2_cumprod_strides_meshgrid_and_repeat_interleave_as_pytorchs": (
        r"""
import torch
x = torch.tensor([1., -2., 3.], requires_grad=True)
y = torch.tensor([2., 1., -1.], requires_grad=True)
angle = torch.atan2(x, y)
print(angle, y.atan2(x).grad_fn)
angle.sum().backward()
print(x.grad, y.grad)
print(torch.atan2(torch.tensor([1, 0]), torch.tensor([0, 1])))
z = torch.tensor([2., 0., 3., 4.], requires_grad=True)
running = torch.cumprod(z, 0)
print(running)
running.sum().backward()
print(z.grad)
z2 = torch.tensor([[1., 2.], [3., 0.]], requires_grad=True)
c2 = z2.cumprod(dim=1)
c2.pow(2).sum().backward()
print(c2, z2.grad, torch.cumprod(torch.tensor([1, 2, 3]), 0))
x3 = torch.ones(2, 3, 4)
print(x3.stride(), x3.permute(2, 0, 1).stride(), x3[:, :, ::2].stride(), x3.stride(-1))
print(torch.tensor(1.).stride())
print(x3.unsqueeze(0).expand(5, 2, 3, 4).stride(), torch.arange(6).view(2, 3).t().stride())
print(x3.transpose(0, 2).stride())
g = torch.meshgrid(torch.tensor([1., 2.], requires_grad=True), torch.tensor([3., 4., 5.]), indexing="xy")
print(g[0], g[1])
m = torch.meshgrid(torch.tensor([1, 2]), torch.tensor([3, 4, 5]), indexing="ij")
print(m[0].shape, m[1], m[0].stride())
xs = torch.linspace(-1, 1, 3, requires_grad=True)
gx, gy = torch.meshgrid(xs, xs, indexing="ij")
(gx * gy).sum().backward()
print(xs.grad)
x = torch.tensor([1., 2.], requires_grad=True)
r = x.repeat_interleave(torch.tensor([2, 1]))
print(r, x.repeat_interleave(2), torch.ones(2, 2, requires_grad=True).repeat_interleave(2, dim=1))
(r * torch.tensor([1., 2., 3.])).sum().backward()
print(x.grad)
print(torch.tensor([[1, 2]]).repeat_interleave(2), torch.repeat_interleave(torch.tensor([2, 1])))
print(torch.repeat_interleave(torch.tensor([[1, 2], [3, 4]]), torch.tensor([1, 2]), dim=0))
print(torch.index_select(torch.arange(6.).view(2, 3), 1, torch.tensor([2, 0, 2])))
for call in [lambda: torch.tensor([1, 2]).repeat_interleave(torch.tensor([1, 2, 3])),
             lambda: torch.tensor([1, 2]).repeat_interleave(-1),
             lambda: torch.index_select(torch.arange(3), 0, torch.tensor([3])),
             lambda: torch.index_select(torch.arange(3), 0, torch.tensor([-1])),
             lambda: torch.meshgrid(torch.ones(2), indexing="yx")]:
    try:
        call()
    except Exception as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([ 0.4636, -1.1071,  1.8925], grad_fn=<Atan2Backward0>) <Atan2Backward0 object at 0x…>\n'
            'tensor([ 0.4000,  0.2000, -0.1000]) tensor([-0.2000,  0.4000, -0.3000])\n'
            'tensor([1.5708, 0.0000])\n'
            'tensor([2., 0., 0., 0.], grad_fn=<CumprodBackward0>)\n'
            'tensor([ 1., 32.,  0.,  0.])\n'
            'tensor([[1., 2.],\n'
            '        [3., 0.]], grad_fn=<CumprodBackward0>) tensor([[10.,  4.],\n'
            '        [ 6.,  0.]]) tensor([1, 2, 6])\n'
            '(12, 4, 1) (1, 12, 4) (12, 4, 2) 1\n'
            '()\n'
            '(0, 12, 4, 1) (1, 3)\n'
            '(1, 4, 12)\n'
            'tensor([[1., 2.],\n'
            '        [1., 2.],\n'
            '        [1., 2.]], grad_fn=<ExpandBackward0>) tensor([[3., 3.],\n'
            '        [4., 4.],\n'
            '        [5., 5.]])\n'
            'torch.Size([2, 3]) tensor([[3, 4, 5],\n'
            '        [3, 4, 5]]) (1, 0)\n'
            'tensor([0., 0., 0.])\n'
            'tensor([1., 1., 2.], grad_fn=<IndexSelectBackward0>) tensor([1., 1., 2., 2.], grad_fn=<ViewBackward0>) tensor([[1., 1., 1., 1.],\n'  # noqa: E501
            '        [1., 1., 1., 1.]], grad_fn=<ViewBackward0>)\n'
            'tensor([3., 3.])\n'
            'tensor([1, 1, 2, 2]) tensor([0, 0, 1])\n'
            'tensor([[1, 2],\n'
            '        [3, 4],\n'
            '        [3, 4]])\n'
            'tensor([[2., 0., 2.],\n'
            '        [5., 3., 5.]])\n'
            'RuntimeError repeats must have the same size as input along dim, but got repeats.size(0) = 3 and input.size(0) = 2\n'  # noqa: E501
            'RuntimeError Repeats must be non-negative\n'
            'IndexError index out of range in self\n'
            'IndexError index out of range in self\n'
            'RuntimeError torch.meshgrid: indexing must be one of "xy" or "ij", but received: yx\n'
        ),
    ),
    # F.pad: a constant border (negative widths crop), reflect and replicate borders of the last 1, 2 or 3
    # dimensions, their gradients and PyTorch's errors for what it refuses.
    "functional_pad_as_pytorchs": (
        r"""
import torch
import torch.nn.functional as F
x = torch.arange(6.).view(1, 2, 3).requires_grad_()
p = F.pad(x, (1, 2), value=5.)
print(p, p.shape)
(p * torch.arange(12.).view(1, 2, 6)).sum().backward()
print(x.grad)
print(F.pad(x, (1, 1, 1, 1)).grad_fn, F.pad(x, (1, 1, 1, 1)).shape)
crop = F.pad(x, (-1, 0, 0, -1))
print(crop)
crop.sum().backward()
print(x.grad)
for mode in ["reflect", "replicate"]:
    one = F.pad(x, (2, 1), mode=mode)
    two = F.pad(x.view(1, 1, 2, 3), (1, 1, 1, 0), mode=mode)
    print(mode, one, one.grad_fn, two, two.grad_fn)
    x.grad = None
    (two * torch.arange(15.).view(1, 1, 3, 5)).sum().backward()
    print(x.grad)
print(F.pad(torch.ones(1, 1, 2, 2, 2), (1, 0, 0, 1, 1, 0), mode="replicate").shape)
print(F.pad(torch.ones(2, 2), (0, 0, -1, 0)), F.pad(torch.ones(2, 3), (1, 1)).dtype)
for call in [lambda: F.pad(x, (3, 0), mode="reflect"), lambda: F.pad(torch.ones(3), (1, 1), mode="reflect"),
             lambda: F.pad(x, (1, 1, 1, 1, 1, 1), mode="replicate"), lambda: F.pad(x, (1, 1), mode="wrap"),
             lambda: F.pad(x, (1,)), lambda: F.pad(x, (1, 1), mode="reflect", value=2.),
             lambda: F.pad(x, (1, 1, 1, 1, 1, 1, 1, 1)), lambda: F.pad(x, (-2, -2))]:
    try:
        print("ok", call().shape)
    except Exception as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([[[5., 0., 1., 2., 5., 5.],\n'
            '         [5., 3., 4., 5., 5., 5.]]], grad_fn=<ConstantPadNdBackward0>) torch.Size([1, 2, 6])\n'
            'tensor([[[1., 2., 3.],\n'
            '         [7., 8., 9.]]])\n'
            '<ConstantPadNdBackward0 object at 0x…> torch.Size([1, 4, 5])\n'
            'tensor([[[1., 2.]]], grad_fn=<ConstantPadNdBackward0>)\n'
            'tensor([[[1., 3., 4.],\n'
            '         [7., 8., 9.]]])\n'
            'reflect tensor([[[2., 1., 0., 1., 2., 1.],\n'
            '         [5., 4., 3., 4., 5., 4.]]], grad_fn=<ReflectionPad1DBackward0>) <ReflectionPad1DBackward0 object at 0x…> tensor([[[[4., 3., 4., 5., 4.],\n'  # noqa: E501
            '          [1., 0., 1., 2., 1.],\n'
            '          [4., 3., 4., 5., 4.]]]], grad_fn=<ReflectionPad2DBackward0>) <ReflectionPad2DBackward0 object at 0x…>\n'  # noqa: E501
            'tensor([[[ 6., 21.,  8.],\n'
            '         [12., 42., 16.]]])\n'
            'replicate tensor([[[0., 0., 0., 1., 2., 2.],\n'
            '         [3., 3., 3., 4., 5., 5.]]], grad_fn=<ReplicationPad1DBackward0>) <ReplicationPad1DBackward0 object at 0x…> tensor([[[[0., 0., 1., 2., 2.],\n'  # noqa: E501
            '          [0., 0., 1., 2., 2.],\n'
            '          [3., 3., 4., 5., 5.]]]], grad_fn=<ReplicationPad2DBackward0>) <ReplicationPad2DBackward0 object at 0x…>\n'  # noqa: E501
            'tensor([[[12.,  9., 24.],\n'
            '         [21., 12., 27.]]])\n'
            'torch.Size([1, 1, 3, 3, 3])\n'
            'tensor([[1., 1.]]) torch.float32\n'
            'RuntimeError Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (3, 0) at dimension 2 of input [1, 2, 3]\n'  # noqa: E501
            'NotImplementedError Padding size 2 is not supported for 1D input tensor.\n'
            'Supported combinations for non-constant padding:\n'
            '  - 2D or 3D input: padding size = 2 (pads last dimension)\n'
            '  - 3D or 4D input: padding size = 4 (pads last 2 dimensions)\n'
            '  - 4D or 5D input: padding size = 6 (pads last 3 dimensions)\n'
            'NotImplementedError Padding size 6 is not supported for 3D input tensor.\n'
            'Supported combinations for non-constant padding:\n'
            '  - 2D or 3D input: padding size = 2 (pads last dimension)\n'
            '  - 3D or 4D input: padding size = 4 (pads last 2 dimensions)\n'
            '  - 4D or 5D input: padding size = 6 (pads last 3 dimensions)\n'
            'NotImplementedError Unrecognised padding mode wrap\n'
            'RuntimeError Padding length must be divisible by 2\n'
            'RuntimeError Padding mode "reflect" doesn\'t take in value argument\n'
            'RuntimeError Padding length should be less than or equal to two times the input dimension but got padding length 8 and input of dimension 3\n'  # noqa: E501
            'RuntimeError narrow(): length must be non-negative.\n'
        ),
    ),
    # A Generator of one's own for uniform_/normal_ (the tensor methods) and every nn.init function that
    # takes one, trunc_normal_'s two ways of drawing included: the same numbers as PyTorch draws from it,
    # and the default generator left alone.
    "a_generator_of_ones_own_for_random_fills_and_nn_init": (
        r"""
import torch
from torch import nn
g = torch.Generator().manual_seed(3)
torch.manual_seed(0)
w = torch.empty(2, 3)
print(w.uniform_(-1, 1, generator=g))
print(w.normal_(0.0, 2.0, generator=g))
print(nn.init.uniform_(torch.empty(3), generator=g))
print(nn.init.normal_(torch.empty(3), 1.0, 0.5, generator=g))
print(nn.init.trunc_normal_(torch.empty(2, 4), std=0.5, a=-0.5, b=0.5, generator=g))
print(nn.init.trunc_normal_(torch.empty(4), mean=3.0, a=2.0, b=2.1, generator=g))
print(nn.init.xavier_uniform_(torch.empty(2, 3), generator=g))
print(nn.init.xavier_normal_(torch.empty(2, 3), generator=g))
print(nn.init.kaiming_uniform_(torch.empty(2, 3), a=5 ** 0.5, generator=g))
print(nn.init.kaiming_normal_(torch.empty(2, 3), nonlinearity="relu", generator=g))
print(torch.rand(2))  # the default generator was not drawn from
again = torch.Generator().manual_seed(3)
first = torch.empty(2, 3).uniform_(-1, 1, generator=again)
print(torch.equal(first, torch.empty(2, 3).uniform_(-1, 1, generator=torch.Generator().manual_seed(3))))
""",
        (
            'tensor([[-0.9915, -0.7889, -0.4283],\n'
            '        [-0.9461, -0.0568, -0.8798]])\n'
            'tensor([[ 1.5251,  2.9897, -1.0351],\n'
            '        [-0.8373, -1.8618,  0.8278]])\n'
            'tensor([0.8473, 0.8749, 0.6483])\n'
            'tensor([0.9550, 0.7788, 0.1063])\n'
            'tensor([[-0.0097,  0.4701, -0.2648, -0.1081],\n'
            '        [ 0.0663,  0.1954,  0.0432, -0.4508]])\n'
            'tensor([2.0942, 2.0158, 2.0380, 2.0430])\n'
            'tensor([[ 0.0781, -0.8101, -0.4855],\n'
            '        [-0.8204, -0.9073,  0.0268]])\n'
            'tensor([[ 0.2835,  0.7457,  0.8297],\n'
            '        [-0.0630,  0.2127, -0.4305]])\n'
            'tensor([[ 0.3885, -0.4976, -0.4975],\n'
            '        [-0.5211,  0.0327,  0.4899]])\n'
            'tensor([[ 0.5048, -0.9186, -0.0535],\n'
            '        [-0.3393, -0.3897,  0.7861]])\n'
            'tensor([0.4963, 0.7682])\n'
            'True\n'
        ),
    ),
    # random_ (bounded and over a dtype's whole range, 32- or 64-bit draws), erf and erfinv with their
    # gradients, and nn.init.trunc_normal_ drawn as PyTorch 2.13 draws it (redrawn normals, or accepted
    # uniform candidates when [a, b] holds little of the distribution): the same numbers after manual_seed.
    "random_erfinv_and_trunc_normal_as_pytorchs": (
        r"""
import torch
torch.manual_seed(0)
print(torch.empty(3).random_(0, 10), torch.empty(2, dtype=torch.int64).random_(5), torch.empty(3).random_())
print(torch.empty(2, dtype=torch.float64).random_(), torch.empty(3, dtype=torch.int64).random_())
print(torch.empty(3, dtype=torch.int32).random_(), torch.empty(4, dtype=torch.bool).random_())
print(torch.empty(3, dtype=torch.uint8).random_(), torch.empty(2).random_(-5, 5))
print(torch.empty(2, dtype=torch.int64).random_(0, 2**40))
for call in [lambda: torch.empty(2).random_(5, 5), lambda: torch.ones(2, requires_grad=True).random_()]:
    try:
        print(call())
    except Exception as error:
        print(type(error).__name__, error)
torch.manual_seed(0)
w = torch.empty(2, 3)
torch.nn.init.trunc_normal_(w)
print(w)
torch.manual_seed(0)
print(torch.nn.init.trunc_normal_(torch.empty(3, 3), mean=1.0, std=0.5, a=0.5, b=1.2))
x = torch.tensor([0., 0.5, -0.9, 0.3], requires_grad=True)
y = torch.erfinv(x)
print(y, torch.erfinv(torch.tensor([1.0, -1.0, 2.0])))
y.sum().backward()
print(x.grad)
z = torch.tensor([0., 0.5, -1.5], requires_grad=True)
e = torch.erf(z)
e.sum().backward()
print(e, z.grad, torch.tensor([0.25]).erf().erfinv())
torch.manual_seed(3)
print(torch.nn.init.trunc_normal_(torch.empty(2, 4), mean=0.0, std=1.0, a=2.0, b=3.0))
print(torch.nn.init.trunc_normal_(torch.empty(5, dtype=torch.float64), std=0.02, a=-0.04, b=0.04))
print(torch.empty(2).random_(to=4))
try:
    torch.empty(2).random_(0)
except RuntimeError as error:
    print(error)
""",
        (
            'tensor([4., 9., 3.]) tensor([0, 3]) tensor([10637856.,  8222264., 15039631.])\n'
            'tensor([5.8099e+15, 7.1260e+15], dtype=torch.float64) tensor([8072059273656089175, 7226936298635050456, 8553068346248842636])\n'  # noqa: E501
            'tensor([1646868794, 2051556033, 1252949478], dtype=torch.int32) tensor([ True,  True, False, False])\n'  # noqa: E501
            'tensor([ 81, 165,  25], dtype=torch.uint8) tensor([ 4., -5.])\n'
            'tensor([ 41438582676, 495502824400])\n'
            "RuntimeError random_ expects 'from' to be less than 'to', but got from=5 >= to=5\n"
            'RuntimeError a leaf Variable that requires grad is being used in an in-place operation.\n'
            'tensor([[ 1.5410, -0.2934, -0.7193],\n'
            '        [ 0.5684, -1.0845, -1.3986]])\n'
            'tensor([[0.7983, 0.8533, 1.0910],\n'
            '        [0.5717, 0.9798, 1.0960],\n'
            '        [1.0614, 0.7168, 0.6404]])\n'
            'tensor([ 0.0000,  0.4769, -1.1631,  0.2725], grad_fn=<ErfinvBackward0>) tensor([inf, -inf, nan])\n'  # noqa: E501
            'tensor([0.8862, 1.1126, 3.4280, 0.9545])\n'
            'tensor([ 0.0000,  0.5205, -0.9661], grad_fn=<ErfBackward0>) tensor([1.1284, 0.8788, 0.1189]) tensor([0.2500])\n'  # noqa: E501
            'tensor([[2.0043, 2.0516, 2.2858, 2.0270],\n'
            '        [2.4716, 2.0601, 2.7719, 2.0121]])\n'
            'tensor([-0.0078,  0.0030, -0.0237,  0.0107, -0.0290], dtype=torch.float64)\n'
            'tensor([0., 3.])\n'
            "random_ expects 'from' to be less than 'to', but got from=0 >= to=0\n"
        ),
    ),
    # optim.NAdam: 60 steps of a small MLP land on PyTorch's weights; its state (step, mu_product), the
    # decoupled and the coupled weight decay, maximize, and its refusals of bad options.
    "nadam_steps_as_pytorchs": (
        r"""
import torch
import torch.nn as nn
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1))
x = torch.randn(16, 2)
y = (x[:, :1] * 2 - x[:, 1:]).sin()
optimizer = torch.optim.NAdam(model.parameters(), lr=0.01)
print(optimizer)
for epoch in range(60):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    optimizer.step()
    if epoch % 20 == 0:
        print(epoch, round(loss.item(), 6))
print(model[2].weight)
state = optimizer.state_dict()["state"][0]
print(sorted(state), state["step"], state["mu_product"])
w = torch.tensor([1.0, -2.0], requires_grad=True)
decoupled = torch.optim.NAdam([w], lr=0.1, weight_decay=0.1, decoupled_weight_decay=True, momentum_decay=0.01)
for _ in range(3):
    decoupled.zero_grad()
    (w ** 2).sum().backward()
    decoupled.step()
print(w)
v = torch.tensor([1.0, -2.0], requires_grad=True)
coupled = torch.optim.NAdam([v], lr=0.1, weight_decay=0.1, maximize=True)
for _ in range(3):
    coupled.zero_grad()
    (v ** 2).sum().backward()
    coupled.step()
print(v)
bad = [{"momentum_decay": -1}, {"betas": (0.9, 1.0)}, {"eps": -1}, {"lr": -0.1}, {"momentm_decay": 0.1}]
for options in bad:
    try:
        torch.optim.NAdam([w], **options)
    except Exception as error:
        print(type(error).__name__, error)
""",
        (
            'NAdam (\n'
            'Parameter Group 0\n'
            '    betas: (0.9, 0.999)\n'
            '    capturable: False\n'
            '    decoupled_weight_decay: False\n'
            '    differentiable: False\n'
            '    eps: 1e-08\n'
            '    foreach: None\n'
            '    lr: 0.01\n'
            '    maximize: False\n'
            '    momentum_decay: 0.004\n'
            '    weight_decay: 0\n'
            ')\n'
            '0 0.472815\n'
            '20 0.418249\n'
            '40 0.401385\n'
            'Parameter containing:\n'
            'tensor([[-0.5933, -0.1067, -0.4522,  0.2638]], requires_grad=True)\n'
            "['exp_avg', 'exp_avg_sq', 'mu_product', 'step'] tensor(60.) tensor(2.0974e-21)\n"
            'tensor([ 0.7270, -1.6920], requires_grad=True)\n'
            'tensor([ 1.2654, -2.2615], requires_grad=True)\n'
            'ValueError Invalid momentum_decay value: -1\n'
            'ValueError Invalid beta parameter at index 1: 1.0\n'
            'ValueError Invalid epsilon value: -1\n'
            'ValueError Invalid learning rate: -0.1\n'
            "TypeError NAdam.__init__() got an unexpected keyword argument 'momentm_decay'\n"
        ),
    ),
    # Circular padding, F.pad's and Conv2d's padding_mode: the borders wrap round, recorded as PyTorch records
    # them (CopySlices), with their gradients (negative widths crop first) and errors.
    "circular_padding_as_pytorchs": (
        r"""
import torch
import torch.nn.functional as F
x = torch.arange(6.).view(1, 2, 3).requires_grad_()
p = F.pad(x, (2, 1), mode="circular")
print(p, p.grad_fn)
(p * torch.arange(12.).view(1, 2, 6)).sum().backward()
print(x.grad)
x4 = torch.arange(12.).view(1, 1, 3, 4).requires_grad_()
q = F.pad(x4, (1, 2, 2, 1), mode="circular")
print(q)
(q ** 2).sum().backward()
print(x4.grad)
print(F.pad(torch.arange(6.).view(1, 2, 3), (-1, 1), mode="circular"))
conv = torch.nn.Conv2d(1, 1, 3, padding=1, padding_mode="circular", bias=False)
with torch.no_grad():
    conv.weight.fill_(1.0)
print(conv, conv(x4))
too_wide, too_flat = (x, (4, 0)), (torch.ones(3), (1, 1))
for call in [lambda: F.pad(*too_wide, mode="circular"), lambda: F.pad(*too_flat, mode="circular")]:
    try:
        call()
    except Exception as error:
        print(type(error).__name__, str(error).splitlines()[0])
""",
        (
            'tensor([[[1., 2., 0., 1., 2., 0.],\n'
            '         [4., 5., 3., 4., 5., 3.]]], grad_fn=<CopySlices>) <CopySlices object at 0x…>\n'
            'tensor([[[ 7.,  3.,  5.],\n'
            '         [19., 15., 17.]]])\n'
            'tensor([[[[ 7.,  4.,  5.,  6.,  7.,  4.,  5.],\n'
            '          [11.,  8.,  9., 10., 11.,  8.,  9.],\n'
            '          [ 3.,  0.,  1.,  2.,  3.,  0.,  1.],\n'
            '          [ 7.,  4.,  5.,  6.,  7.,  4.,  5.],\n'
            '          [11.,  8.,  9., 10., 11.,  8.,  9.],\n'
            '          [ 3.,  0.,  1.,  2.,  3.,  0.,  1.]]]], grad_fn=<CopySlices>)\n'
            'tensor([[[[ 0.,  8.,  8., 24.],\n'
            '          [32., 40., 24., 56.],\n'
            '          [64., 72., 40., 88.]]]])\n'
            'tensor([[[1., 2., 1.],\n'
            '         [4., 5., 4.]]])\n'
            'Conv2d(1, 1, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False, padding_mode=circular) tensor([[[[48., 45., 54., 51.],\n'  # noqa: E501
            '          [48., 45., 54., 51.],\n'
            '          [48., 45., 54., 51.]]]], grad_fn=<ConvolutionBackward0>)\n'
            'RuntimeError Padding value causes wrapping around more than once.\n'
            'NotImplementedError Padding size 2 is not supported for 1D input tensor.\n'
        ),
    ),
    # default_collate's shapes: tuples of fields come back as lists, dicts by key, numbers as tensors (bools
    # as a bool tensor), strings as they are.
    "dataloader_collates_as_pytorchs_default_collate": (
        r"""
import torch
from torch.utils.data import DataLoader, TensorDataset
print(list(DataLoader([(1, 2.0), (3, 4.0), (5, 6.0)], batch_size=2)))
print(list(DataLoader([{"a": 1.5, "b": torch.ones(2)}, {"a": 2.5, "b": torch.zeros(2)}], batch_size=2)))
print(next(iter(DataLoader(TensorDataset(torch.arange(3), torch.ones(3)), batch_size=3))))
print(list(DataLoader(torch.arange(5), batch_size=2)))
print(list(DataLoader([(True, "cat", 1), (False, "dog", 2)], batch_size=2)))
print(list(DataLoader(["a", "b", "c"], batch_size=2)))
""",
        (
            '[[tensor([1, 3]), tensor([2., 4.], dtype=torch.float64)], [tensor([5]), tensor([6.], dtype=torch.float64)]]\n'  # noqa: E501
            "[{'a': tensor([1.5000, 2.5000], dtype=torch.float64), 'b': tensor([[1., 1.],\n"
            '        [0., 0.]])}]\n'
            '[tensor([0, 1, 2]), tensor([1., 1., 1.])]\n'
            '[tensor([0, 1]), tensor([2, 3]), tensor([4])]\n'
            "[[tensor([ True, False]), ('cat', 'dog'), tensor([1, 2])]]\n"
            "[['a', 'b'], ['c']]\n"
        ),
    ),
    # The 60-minute blitz's neural-network tutorial as it is written (a seed added): LeNet-style Net of two
    # convolutions and max pooling, its weights after manual_seed, the loss's graph, one SGD step.
    "blitz_convolutional_net_prints_pytorchs_values_and_graph": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F

class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, input):
        c1 = F.relu(self.conv1(input))
        s2 = F.max_pool2d(c1, (2, 2))
        c3 = F.relu(self.conv2(s2))
        s4 = F.max_pool2d(c3, 2)
        s4 = torch.flatten(s4, 1)
        f5 = F.relu(self.fc1(s4))
        f6 = F.relu(self.fc2(f5))
        output = self.fc3(f6)
        return output

torch.manual_seed(0)
net = Net()
print(net)
params = list(net.parameters())
print(len(params))
print(params[0].size())
input = torch.randn(1, 1, 32, 32)
out = net(input)
print(out)
net.zero_grad()
out.backward(torch.randn(1, 10))
output = net(input)
target = torch.randn(10)
target = target.view(1, -1)
criterion = nn.MSELoss()
loss = criterion(output, target)
print(loss)
print(loss.grad_fn)
print(loss.grad_fn.next_functions[0][0])
print(loss.grad_fn.next_functions[0][0].next_functions[0][0])
net.zero_grad()
print(net.conv1.bias.grad)
loss.backward()
print(net.conv1.bias.grad)
import torch.optim as optim
optimizer = optim.SGD(net.parameters(), lr=0.01)
optimizer.zero_grad()
output = net(input)
loss = criterion(output, target)
loss.backward()
optimizer.step()
print(loss)
""",
        (
            'Net(\n'
            '  (conv1): Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1))\n'
            '  (conv2): Conv2d(6, 16, kernel_size=(5, 5), stride=(1, 1))\n'
            '  (fc1): Linear(in_features=400, out_features=120, bias=True)\n'
            '  (fc2): Linear(in_features=120, out_features=84, bias=True)\n'
            '  (fc3): Linear(in_features=84, out_features=10, bias=True)\n'
            ')\n'
            '10\n'
            'torch.Size([6, 1, 5, 5])\n'
            'tensor([[-0.1007, -0.0902,  0.0364,  0.0591, -0.0421,  0.0203,  0.0314,  0.0724,\n'
            '         -0.0276,  0.1233]], grad_fn=<AddmmBackward0>)\n'
            'tensor(1.2249, grad_fn=<MseLossBackward0>)\n'
            '<MseLossBackward0 object at 0x…>\n'
            '<AddmmBackward0 object at 0x…>\n'
            '<AccumulateGrad object at 0x…>\n'
            'None\n'
            'tensor([-0.0129, -0.0038,  0.0006, -0.0094, -0.0046,  0.0233])\n'
            'tensor(1.2249, grad_fn=<MseLossBackward0>)\n'
        ),
    ),
    # The LeNet of the Introduction to PyTorch video series, as written there (a seed added): view by
    # num_flat_features after the second max pool.
    "intro_video_lenet_prints_pytorchs_output": (
        r"""
import torch                     # for all things PyTorch
import torch.nn as nn            # for torch.nn.Module, the parent object for PyTorch models
import torch.nn.functional as F  # for the activation function


class LeNet(nn.Module):

    def __init__(self):
        super(LeNet, self).__init__()
        # 1 input image channel (black & white), 6 output channels, 5x5 square convolution
        # kernel
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 3)
        # an affine operation: y = Wx + b
        self.fc1 = nn.Linear(16 * 6 * 6, 120)  # 6*6 from image dimension
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        # Max pooling over a (2, 2) window
        x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))
        # If the size is a square you can only specify a single number
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(-1, self.num_flat_features(x))
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x

    def num_flat_features(self, x):
        size = x.size()[1:]  # all dimensions except the batch dimension
        num_features = 1
        for s in size:
            num_features *= s
        return num_features

torch.manual_seed(0)
net = LeNet()
print(net)                         # what does the object tell us about itself?

input = torch.rand(1, 1, 32, 32)   # stand-in for a 32x32 black & white image
print('\nImage batch shape:')
print(input.shape)

output = net(input)                # we don't call forward() directly
print('\nRaw output:')
print(output)
print(output.shape)
""",
        (
            'LeNet(\n'
            '  (conv1): Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1))\n'
            '  (conv2): Conv2d(6, 16, kernel_size=(3, 3), stride=(1, 1))\n'
            '  (fc1): Linear(in_features=576, out_features=120, bias=True)\n'
            '  (fc2): Linear(in_features=120, out_features=84, bias=True)\n'
            '  (fc3): Linear(in_features=84, out_features=10, bias=True)\n'
            ')\n'
            '\n'
            'Image batch shape:\n'
            'torch.Size([1, 1, 32, 32])\n'
            '\n'
            'Raw output:\n'
            'tensor([[ 0.0702,  0.1150,  0.0611,  0.0456, -0.0111,  0.0708,  0.0337, -0.0691,\n'
            '         -0.0677,  0.0093]], grad_fn=<AddmmBackward0>)\n'
            'torch.Size([1, 10])\n'
        ),
    ),
    # round to decimal places (RoundBackward1), halves to even, and PyTorch's refusal for integer tensors.
    "round_to_decimal_places": (
        r"""
import torch
x = torch.tensor([1.2345, 2.5, -0.5, 2.675, 1234.5, -0.125], requires_grad=True)
y = x.round(decimals=2)
print(y)
print(torch.round(x, decimals=-2))
print(torch.round(x.double(), decimals=1))
y.sum().backward()
print(x.grad)
try:
    torch.round(torch.tensor([15, 25]), decimals=-1)
except NotImplementedError as e:
    print(e)
print(torch.tensor([15, 25]).round())
""",
        (
            'tensor([ 1.2300e+00,  2.5000e+00, -5.0000e-01,  2.6800e+00,  1.2345e+03,\n'
            '        -1.2000e-01], grad_fn=<RoundBackward1>)\n'
            'tensor([   0.,    0.,   -0.,    0., 1200.,   -0.], grad_fn=<RoundBackward1>)\n'
            'tensor([ 1.2000e+00,  2.5000e+00, -5.0000e-01,  2.7000e+00,  1.2345e+03,\n'
            '        -1.0000e-01], dtype=torch.float64, grad_fn=<RoundBackward1>)\n'
            'tensor([0., 0., 0., 0., 0., 0.])\n'
            '"round_cpu" not implemented for \'Long\'\n'
            'tensor([15, 25])\n'
        ),
    ),
    # AdamW, RMSprop (momentum and weight decay; centered), Adagrad (rate decay, weight decay) and Adamax
    # train a small model 5 steps to PyTorch's parameters; their reprs, state keys, a scheduler and resuming
    # from state_dict(); Adagrad has its state before any step.
    "adamw_rmsprop_adagrad_adamax_train_as_pytorch_does": (
        r"""
import torch
torch.manual_seed(0)
x = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5], [-1.0, 2.0, 0.75], [0.0, -0.5, 1.0]])
y = torch.tensor([[1.0], [-0.5], [0.25], [2.0]])
for make in (lambda p: torch.optim.AdamW(p, lr=0.05, amsgrad=True),
             lambda p: torch.optim.RMSprop(p, lr=0.01, weight_decay=0.1, momentum=0.9),
             lambda p: torch.optim.RMSprop(p, lr=0.01, centered=True, alpha=0.9),
             lambda p: torch.optim.Adagrad(p, lr=0.1, lr_decay=0.01, weight_decay=0.1,
                                           initial_accumulator_value=0.1),
             lambda p: torch.optim.Adamax(p, lr=0.1, weight_decay=0.1)):
    model = torch.nn.Linear(3, 1)
    model.weight.data = torch.tensor([[0.2, -0.3, 0.4]])
    model.bias.data = torch.tensor([0.1])
    optimizer = make(model.parameters())
    for step in range(5):
        optimizer.zero_grad()
        loss = ((model(x) - y) ** 2).mean()
        loss.backward()
        optimizer.step()
        print(step, f"{loss.item():.5f}", model.weight.data, model.bias.data)
    print(optimizer)
    state = optimizer.state_dict()["state"][0]
    print(list(state), state["step"], optimizer.param_groups[0]["lr"])
adamw = torch.optim.AdamW(model.parameters())
print(type(adamw), isinstance(adamw, torch.optim.Adam))
optimizer = torch.optim.AdamW(model.parameters(), lr=0.1)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.5)
for step in range(4):
    optimizer.zero_grad()
    ((model(x) - y) ** 2).mean().backward()
    optimizer.step()
    scheduler.step()
print(scheduler.get_last_lr(), model.weight.data)
resumed = torch.optim.AdamW(model.parameters())
resumed.load_state_dict(optimizer.state_dict())
print(resumed.param_groups[0]["lr"], resumed.param_groups[0]["initial_lr"], resumed.state_dict()["state"][1])
print(torch.optim.Adagrad(model.parameters(), initial_accumulator_value=0.5).state_dict()["state"][1])
""",
        (
            '0 0.68141 tensor([[ 0.1499, -0.2499,  0.4498]]) tensor([0.1499])\n'
            '1 0.57042 tensor([[ 0.1002, -0.2026,  0.4986]]) tensor([0.1985])\n'
            '2 0.49492 tensor([[ 0.0512, -0.1634,  0.5450]]) tensor([0.2435])\n'
            '3 0.45177 tensor([[ 0.0033, -0.1392,  0.5870]]) tensor([0.2819])\n'
            '4 0.43236 tensor([[-0.0431, -0.1325,  0.6218]]) tensor([0.3104])\n'
            'AdamW (\n'
            'Parameter Group 0\n'
            '    amsgrad: True\n'
            '    betas: (0.9, 0.999)\n'
            '    capturable: False\n'
            '    decoupled_weight_decay: True\n'
            '    differentiable: False\n'
            '    eps: 1e-08\n'
            '    foreach: None\n'
            '    fused: None\n'
            '    lr: 0.05\n'
            '    maximize: False\n'
            '    weight_decay: 0.01\n'
            ')\n'
            "['step', 'exp_avg', 'exp_avg_sq', 'max_exp_avg_sq'] tensor(5.) 0.05\n"
            '0 0.68141 tensor([[ 0.1000, -0.2000,  0.5000]]) tensor([0.2000])\n'
            '1 0.49391 tensor([[-0.0476, -0.0977,  0.6283]]) tensor([0.3204])\n'
            '2 0.43805 tensor([[-0.2046, -0.0713,  0.7127]]) tensor([0.3861])\n'
            '3 0.48428 tensor([[-0.3425, -0.1202,  0.7272]]) tensor([0.3842])\n'
            '4 0.47953 tensor([[-0.4448, -0.2234,  0.6820]]) tensor([0.3361])\n'
            'RMSprop (\n'
            'Parameter Group 0\n'
            '    alpha: 0.99\n'
            '    capturable: False\n'
            '    centered: False\n'
            '    differentiable: False\n'
            '    eps: 1e-08\n'
            '    foreach: None\n'
            '    lr: 0.01\n'
            '    maximize: False\n'
            '    momentum: 0.9\n'
            '    weight_decay: 0.1\n'
            ')\n'
            "['step', 'square_avg', 'momentum_buffer'] tensor(5.) 0.01\n"
            '0 0.68141 tensor([[ 0.1667, -0.2667,  0.4333]]) tensor([0.1333])\n'
            '1 0.60356 tensor([[ 0.1425, -0.2460,  0.4563]]) tensor([0.1557])\n'
            '2 0.55863 tensor([[ 0.1218, -0.2312,  0.4748]]) tensor([0.1733])\n'
            '3 0.52701 tensor([[ 0.1031, -0.2204,  0.4908]]) tensor([0.1881])\n'
            '4 0.50297 tensor([[ 0.0855, -0.2128,  0.5047]]) tensor([0.2008])\n'
            'RMSprop (\n'
            'Parameter Group 0\n'
            '    alpha: 0.9\n'
            '    capturable: False\n'
            '    centered: True\n'
            '    differentiable: False\n'
            '    eps: 1e-08\n'
            '    foreach: None\n'
            '    lr: 0.01\n'
            '    maximize: False\n'
            '    momentum: 0\n'
            '    weight_decay: 0\n'
            ')\n'
            "['step', 'square_avg', 'grad_avg'] tensor(5.) 0.01\n"
            '0 0.68141 tensor([[ 0.1058, -0.2205,  0.4919]]) tensor([0.1858])\n'
            '1 0.50482 tensor([[ 0.0496, -0.1992,  0.5306]]) tensor([0.2185])\n'
            '2 0.45354 tensor([[ 0.0084, -0.1981,  0.5493]]) tensor([0.2339])\n'
            '3 0.42847 tensor([[-0.0245, -0.2047,  0.5578]]) tensor([0.2429])\n'
            '4 0.41223 tensor([[-0.0523, -0.2139,  0.5606]]) tensor([0.2498])\n'
            'Adagrad (\n'
            'Parameter Group 0\n'
            '    differentiable: False\n'
            '    eps: 1e-10\n'
            '    foreach: None\n'
            '    fused: None\n'
            '    initial_accumulator_value: 0.1\n'
            '    lr: 0.1\n'
            '    lr_decay: 0.01\n'
            '    maximize: False\n'
            '    weight_decay: 0.1\n'
            ')\n'
            "['step', 'sum'] tensor(5.) 0.1\n"
            '0 0.68141 tensor([[ 0.1000, -0.2000,  0.5000]]) tensor([0.2000])\n'
            '1 0.49391 tensor([[ 0.0157, -0.1461,  0.5691]]) tensor([0.2641])\n'
            '2 0.43527 tensor([[-0.0552, -0.1274,  0.6128]]) tensor([0.3006])\n'
            '3 0.41970 tensor([[-0.1147, -0.1344,  0.6360]]) tensor([0.3167])\n'
            '4 0.41038 tensor([[-0.1647, -0.1589,  0.6431]]) tensor([0.3189])\n'
            'Adamax (\n'
            'Parameter Group 0\n'
            '    betas: (0.9, 0.999)\n'
            '    capturable: False\n'
            '    differentiable: False\n'
            '    eps: 1e-08\n'
            '    foreach: None\n'
            '    lr: 0.1\n'
            '    maximize: False\n'
            '    weight_decay: 0.1\n'
            ')\n'
            "['step', 'exp_avg', 'exp_inf'] tensor(5.) 0.1\n"
            "<class 'torch.optim.adamw.AdamW'> True\n"
            '[0.025] tensor([[-0.4171, -0.4285,  0.4820]])\n'
            "0.025 0.1 {'step': tensor(4.), 'exp_avg': tensor([-0.0815]), 'exp_avg_sq': tensor([0.0004])}\n"
            "{'step': tensor(0.), 'sum': tensor([0.5000])}\n"
        ),
    ),
    # register_buffer (persistent or not) in a learner's own Module next to a BatchNorm1d(momentum=None):
    # named_buffers, state_dict keys, load_state_dict, and the TypeError for a non-tensor buffer.
    "a_model_of_ones_own_registers_buffers_that_state_dict_saves_and_loads": (
        r"""
import torch
from torch import nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("scale", torch.ones(2))
        self.register_buffer("scratch", torch.zeros(1), persistent=False)
        self.norm = nn.BatchNorm1d(2, momentum=None)
    def forward(self, x):
        return self.norm(x) * self.scale
net = Net()
print(net(torch.tensor([[1.0, 2.0], [3.0, 5.0]])))
print([name for name, _ in net.named_buffers()], list(net.state_dict()))
copy = Net()
print(copy.load_state_dict(net.state_dict()), copy.norm.running_var, copy.norm.num_batches_tracked)
try:
    net.scale = 2
except TypeError as error:
    print(error)
""",
        (
            'tensor([[-1.0000, -1.0000],\n'
            '        [ 1.0000,  1.0000]], grad_fn=<MulBackward0>)\n'
            "['scale', 'scratch', 'norm.running_mean', 'norm.running_var', 'norm.num_batches_tracked'] ['scale', 'norm.weight', 'norm.bias', 'norm.running_mean', 'norm.running_var', 'norm.num_batches_tracked']\n"  # noqa: E501
            '<All keys matched successfully> tensor([2.0000, 4.5000]) tensor(1)\n'
            "cannot assign 'int' as buffer 'scale' (torch.nn.Buffer, torch.Tensor or None expected)\n"
        ),
    ),
    # BatchNorm1d, GELU and LayerNorm in a small model: reprs, state_dict keys with buffers, train steps with
    # clip_grad_norm_, node names, running statistics, eval output.
    "a_small_model_with_batchnorm_layernorm_and_gelu_trains_clips_and_evaluates": (
        r"""
import torch
from torch import nn
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3), nn.GELU(), nn.LayerNorm(3), nn.Linear(3, 1))
print(model)
print(list(model.state_dict()))
x, y = torch.randn(8, 4), torch.randn(8, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for step in range(3):
    optimizer.zero_grad()
    out = model(x)
    loss = nn.functional.mse_loss(out, y)
    loss.backward()
    norm = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=0.5)
    optimizer.step()
    print(step, round(loss.item(), 4), norm)
hidden = model[1](model[0](x))
print(hidden.grad_fn.name(), [type(f).__name__ for f, _ in hidden.grad_fn.next_functions])
print(model[3](hidden).grad_fn.name(), model[2](hidden).grad_fn.name())
print(model[1].running_mean, model[1].running_var, model[1].num_batches_tracked)
model.eval()
with torch.no_grad():
    print(model(x[:2]))
print(model[1].num_batches_tracked, model[1].weight.grad)
""",
        (
            'Sequential(\n'
            '  (0): Linear(in_features=4, out_features=3, bias=True)\n'
            '  (1): BatchNorm1d(3, eps=1e-05, momentum=0.1, affine=True, bias=True, track_running_stats=True)\n'  # noqa: E501
            "  (2): GELU(approximate='none')\n"
            '  (3): LayerNorm((3,), eps=1e-05, elementwise_affine=True, bias=True)\n'
            '  (4): Linear(in_features=3, out_features=1, bias=True)\n'
            ')\n'
            "['0.weight', '0.bias', '1.weight', '1.bias', '1.running_mean', '1.running_var', '1.num_batches_tracked', '3.weight', '3.bias', '4.weight', '4.bias']\n"  # noqa: E501
            '0 1.422 tensor(2.3915)\n'
            '1 1.3149 tensor(1.9588)\n'
            '2 1.2203 tensor(1.9728)\n'
            "NativeBatchNormBackward0 ['AddmmBackward0', 'AccumulateGrad', 'AccumulateGrad']\n"
            'NativeLayerNormBackward0 GeluBackward0\n'
            'tensor([-0.1941, -0.0506, -0.0734]) tensor([0.8005, 0.7354, 0.6725]) tensor(4)\n'
            'tensor([[-0.4569],\n'
            '        [-0.2001]])\n'
            'tensor(4) tensor([ 0.0352,  0.0042, -0.0611])\n'
        ),
    ),
    # nn.Embedding with padding_idx (init and gradients), ELU/Hardtanh/Softplus/GELU(tanh), kaiming_normal_,
    # clip_grad_value_.
    "an_embedding_and_the_extra_activations_print_as_in_pytorch": (
        r"""
import torch
import torch.nn.functional as F
from torch import nn
torch.manual_seed(1)
embed = nn.Embedding(5, 3, padding_idx=0)
print(embed, embed.weight)
tokens = torch.tensor([[0, 2, 4], [2, 1, 0]])
vectors = embed(tokens)
print(vectors.grad_fn.name(), vectors.shape)
vectors.sum(1).pow(2).sum().backward()
print(embed.weight.grad)
acts = [nn.ELU(), nn.Hardtanh(-0.5, 0.5), nn.Softplus(beta=2), nn.GELU(approximate='tanh')]
x = torch.linspace(-2, 2, 5, requires_grad=True)
for act in acts:
    out = act(x)
    print(act, out.grad_fn.name(), out.detach())
print(F.elu(x, alpha=0.5), F.hardtanh(x))
w = torch.empty(2, 3)
print(nn.init.kaiming_normal_(w, mode="fan_out", nonlinearity="relu"))
torch.nn.utils.clip_grad_value_(embed.parameters(), clip_value=1.0)
print(embed.weight.grad)
""",
        (
            'Embedding(5, 3, padding_idx=0) Parameter containing:\n'
            'tensor([[ 0.0000,  0.0000,  0.0000],\n'
            '        [ 0.6213, -0.4519, -0.1661],\n'
            '        [-1.5228,  0.3817, -1.0276],\n'
            '        [-0.5631, -0.8923, -0.0583],\n'
            '        [-0.1955, -0.9656,  0.4224]], requires_grad=True)\n'
            'EmbeddingBackward0 torch.Size([2, 3, 3])\n'
            'tensor([[ 0.0000,  0.0000,  0.0000],\n'
            '        [-1.8029, -0.1404, -2.3875],\n'
            '        [-5.2395, -1.3083, -3.5979],\n'
            '        [ 0.0000,  0.0000,  0.0000],\n'
            '        [-3.4366, -1.1679, -1.2104]])\n'
            'ELU(alpha=1.0) EluBackward0 tensor([-0.8647, -0.6321,  0.0000,  1.0000,  2.0000])\n'
            'Hardtanh(min_val=-0.5, max_val=0.5) HardtanhBackward0 tensor([-0.5000, -0.5000,  0.0000,  0.5000,  0.5000])\n'  # noqa: E501
            'Softplus(beta=2, threshold=20.0) SoftplusBackward0 tensor([0.0091, 0.0635, 0.3466, 1.0635, 2.0091])\n'  # noqa: E501
            "GELU(approximate='tanh') GeluBackward0 tensor([-0.0454, -0.1588,  0.0000,  0.8412,  1.9546])\n"
            'tensor([-0.4323, -0.3161,  0.0000,  1.0000,  2.0000], grad_fn=<EluBackward0>) tensor([-1., -1.,  0.,  1.,  1.], grad_fn=<HardtanhBackward0>)\n'  # noqa: E501
            'tensor([[ 0.2673, -0.4212, -0.5107],\n'
            '        [-1.5727, -0.1232,  3.5870]])\n'
            'tensor([[ 0.0000,  0.0000,  0.0000],\n'
            '        [-1.0000, -0.1404, -1.0000],\n'
            '        [-1.0000, -1.0000, -1.0000],\n'
            '        [ 0.0000,  0.0000,  0.0000],\n'
            '        [-1.0000, -1.0000, -1.0000]])\n'
        ),
    ),
    # einsum with a subscript repeated in one operand: a diagonal ("ii->i"), a trace ("ii"), a diagonal summed
    # against another operand, three-way and ellipsis diagonals; their gradients land on the diagonal, zeros
    # elsewhere; and PyTorch's two errors. (PyTorch records the permute/sum steps it lowers einsum to; the
    # engine one EinsumBackward0 node, so the results are printed detached.)
    "einsum_takes_diagonals_and_traces_as_pytorch_does": (
        r"""
import torch
a = torch.arange(9.0).reshape(3, 3).requires_grad_()
diagonal = torch.einsum("ii->i", a)
trace = torch.einsum("ii", a)
print(diagonal.detach(), trace.detach())  # PyTorch records the permute/sum steps einsum lowers to
(diagonal * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(a.grad)
a.grad = None
trace.backward()
print(a.grad)
b = torch.arange(12.0).reshape(2, 2, 3).requires_grad_()
v = torch.tensor([1.0, -1.0], requires_grad=True)
out = torch.einsum("iij,i->j", b, v)
print(out.detach())
out.sum().backward()
print(b.grad, v.grad)
c = torch.arange(8.0).reshape(2, 2, 2).requires_grad_()
print(torch.einsum("iji->j", c).tolist(), torch.einsum("iii->i", c).tolist())
print(torch.einsum("iij->ij", c).tolist())
torch.einsum("iii", c).backward()
print(c.grad)
print(torch.einsum("...ii->...i", torch.arange(8.0).reshape(2, 2, 2)))
print(torch.einsum("ii,jj->ij", torch.eye(2), torch.ones(3, 3)))
try:
    torch.einsum("ii->i", torch.rand(2, 3))
except RuntimeError as error:
    print(error)
try:
    torch.einsum("ii->ii", torch.rand(2, 2))
except RuntimeError as error:
    print(error)
""",
        (
            'tensor([0., 4., 8.]) tensor(12.)\n'
            'tensor([[1., 0., 0.],\n'
            '        [0., 2., 0.],\n'
            '        [0., 0., 3.]])\n'
            'tensor([[1., 0., 0.],\n'
            '        [0., 1., 0.],\n'
            '        [0., 0., 1.]])\n'
            'tensor([-9., -9., -9.])\n'
            'tensor([[[ 1.,  1.,  1.],\n'
            '         [ 0.,  0.,  0.]],\n'
            '\n'
            '        [[ 0.,  0.,  0.],\n'
            '         [-1., -1., -1.]]]) tensor([ 3., 30.])\n'
            '[5.0, 9.0] [0.0, 7.0]\n'
            '[[0.0, 1.0], [6.0, 7.0]]\n'
            'tensor([[[1., 0.],\n'
            '         [0., 0.]],\n'
            '\n'
            '        [[0., 0.],\n'
            '         [0., 1.]]])\n'
            'tensor([[0., 3.],\n'
            '        [4., 7.]])\n'
            'tensor([[1., 1., 1.],\n'
            '        [1., 1., 1.]])\n'
            "einsum(): subscript i is repeated for operand 0 but the sizes don't match, 3 != 2\n"
            'einsum(): output subscript i appears more than once in the output\n'
        ),
    ),
    # The tensor functions added for the tutorials' idioms (tril triu roll outer diff isclose logspace tile
    # cummax cummin bincount histc einsum), their gradients and two of their refusals.
    "tensor_extra_ops": (
        r"""
import torch
m = torch.arange(1.0, 10.0).reshape(3, 3)
print(torch.tril(m), m.triu(diagonal=1))
x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
r = torch.roll(x, 1)
print(r)
print(x.roll(-1, 0))
o = torch.outer(x, x[:2])
print(o.shape, o.grad_fn)
print(o.grad_fn.next_functions)
d = x.diff()
print(d, torch.diff(x, n=2, prepend=torch.tensor([0.0])))
(r * torch.arange(4.0)).sum().backward()
print(x.grad)
print(torch.isclose(torch.tensor([1.0, 2.0]), torch.tensor([1.0 + 1e-9, 2.1])))
print(torch.logspace(0, 3, 4), torch.logspace(0, 4, 3, base=2))
print(torch.tile(torch.tensor([1, 2]), (2, 2)), torch.tensor([[1, 2]]).tile(2))
print(torch.tensor([3.0, 1.0, 4.0, 1.0, 5.0]).cummax(0))
print(torch.cummin(torch.tensor([3.0, 1.0, 4.0, 1.0, 5.0]), dim=0).indices)
print(torch.bincount(torch.tensor([0, 1, 1, 3])), torch.bincount(torch.tensor([0, 2]), minlength=5))
print(torch.histc(torch.tensor([1.0, 2.0, 1.0, 4.0]), bins=4, min=0, max=4))
a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
b = torch.tensor([[0.5], [2.0]], requires_grad=True)
e = torch.einsum("ij,jk->ik", a, b)
print(e.detach(), torch.einsum("ij->", a).item())
e.sum().backward()
print(a.grad, b.grad)
try:
    torch.tril(torch.tensor([1.0, 2.0]))
except RuntimeError as error:
    print(error)
try:
    torch.bincount(torch.tensor([-1, 2]))
except RuntimeError as error:
    print(error)
""",
        (
            'tensor([[1., 0., 0.],\n'
            '        [4., 5., 0.],\n'
            '        [7., 8., 9.]]) tensor([[0., 2., 3.],\n'
            '        [0., 0., 6.],\n'
            '        [0., 0., 0.]])\n'
            'tensor([4., 1., 2., 3.], grad_fn=<RollBackward0>)\n'
            'tensor([2., 3., 4., 1.], grad_fn=<RollBackward0>)\n'
            'torch.Size([4, 2]) <MulBackward0 object at 0x…>\n'
            '((<ViewBackward0 object at 0x…>, 0), (<SliceBackward0 object at 0x…>, 0))\n'
            'tensor([1., 1., 1.], grad_fn=<SubBackward0>) tensor([0., 0., 0.], grad_fn=<SubBackward0>)\n'
            'tensor([1., 2., 3., 0.])\n'
            'tensor([ True, False])\n'
            'tensor([   1.,   10.,  100., 1000.]) tensor([ 1.,  4., 16.])\n'
            'tensor([[1, 2, 1, 2],\n'
            '        [1, 2, 1, 2]]) tensor([[1, 2, 1, 2]])\n'
            'torch.return_types.cummax(\n'
            'values=tensor([3., 3., 4., 4., 5.]),\n'
            'indices=tensor([0, 0, 2, 2, 4]))\n'
            'tensor([0, 1, 1, 3, 3])\n'
            'tensor([1, 2, 0, 1]) tensor([1, 0, 1, 0, 0])\n'
            'tensor([0., 2., 1., 1.])\n'
            'tensor([[4.5000],\n'
            '        [9.5000]]) 10.0\n'
            'tensor([[0.5000, 2.0000],\n'
            '        [0.5000, 2.0000]]) tensor([[4.],\n'
            '        [6.]])\n'
            'tril: input tensor must have at least 2 dimensions\n'
            'bincount only supports 1-d non-negative integral inputs.\n'
        ),
    ),
    # state_dict walks every module and parameter it holds, a shared one under each of its names (tied
    # weights): parameters, then buffers, then children. parameters() counts each tensor once.
    "state_dict_names_a_shared_module_twice": (
        r"""
import torch
l = torch.nn.Linear(2, 2)
m = torch.nn.Sequential(l, l, torch.nn.BatchNorm1d(2))
m.extra = torch.nn.Linear(1, 1)
m.extra.weight = m[0].weight
for name in m.state_dict():
    print(name)
print(len(list(m.parameters())), [name for name, _ in m.named_parameters()])
missing = m.load_state_dict(m.state_dict())
print(missing)
""",
        (
            '0.weight\n'
            '0.bias\n'
            '1.weight\n'
            '1.bias\n'
            '2.weight\n'
            '2.bias\n'
            '2.running_mean\n'
            '2.running_var\n'
            '2.num_batches_tracked\n'
            'extra.weight\n'
            'extra.bias\n'
            "5 ['0.weight', '0.bias', '2.weight', '2.bias', 'extra.bias']\n"
            '<All keys matched successfully>\n'
        ),
    ),
    # Conv1d, MaxPool1d, AvgPool1d and AdaptiveAvgPool1d (and F./torch. forms): a 1-d convolution is one
    # ConvolutionBackward0 node, a 1-d pooling the 2-d one between an unsqueeze and a squeeze, as PyTorch
    # records them; initial weights drawn as PyTorch draws them; reprs; and PyTorch's 1-d refusals.
    "one_dimensional_convolution_and_pooling_as_pytorchs": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
conv = nn.Conv1d(2, 3, 3, padding=1)
print(conv)
print(conv.weight.shape, conv.bias.shape)
x = torch.randn(1, 2, 6, requires_grad=True)
y = conv(x)
print(y)
pooled = nn.MaxPool1d(2)(y)
print(pooled)
print(pooled.grad_fn, pooled.grad_fn.next_functions[0][0])
pooled.sum().backward()
print(x.grad)
print(conv.weight.grad)
print(conv(torch.ones(2, 6)).shape)
print(nn.Conv1d(4, 4, 3, groups=2, padding="same", bias=False, padding_mode="reflect"))
print(nn.Conv1d(2, 4, (3,), stride=2, padding=1, dilation=2, groups=2, bias=False, padding_mode="circular"))
z = torch.arange(8.0).reshape(1, 1, 8).requires_grad_()
print(F.avg_pool1d(z, 3, stride=2, padding=1))
print(F.avg_pool1d(z, 3, stride=2, padding=1, count_include_pad=False, ceil_mode=True))
print(nn.AvgPool1d(3, stride=1, padding=1))
print(nn.AvgPool1d((3,)))
print(nn.MaxPool1d(3, stride=1, padding=1, ceil_mode=True))
print(nn.AdaptiveAvgPool1d(3))
a = nn.AdaptiveAvgPool1d(3)(z)
print(a, a.grad_fn.next_functions[0][0])
print(F.adaptive_avg_pool1d(z, 1).grad_fn.next_functions[0][0])
values, where = F.max_pool1d(torch.tensor([[1.0, 3, 2, 5, 4]]), 2, return_indices=True, ceil_mode=True)
print(values, where)
sequence = torch.tensor([[[1.0, 3, 2, 5]]])
print(torch.max_pool1d(sequence, 2), torch.avg_pool1d(sequence, 2))
print(torch.conv1d(torch.ones(1, 1, 4), torch.ones(1, 1, 2)))
with torch.no_grad():
    print(F.conv1d(torch.ones(1, 2, 5), torch.ones(1, 2, 2), padding="same"))

print(conv.bias.grad)
attempts = [
    lambda: conv(torch.randn(1, 2, 3, 3)),
    lambda: conv(torch.randn(1, 5, 6)),
    lambda: F.conv1d(x, conv.weight, stride=(1, 2)),
    lambda: F.conv1d(x, conv.weight, padding="same", dilation=(1, 1)),
    lambda: F.conv1d(x, conv.weight, 1.5),
    lambda: F.conv1d(x, torch.randn(3, 2, 3, 3)),
    lambda: nn.Conv1d(2, 3, 3)(torch.randn(1, 2, 2)),
    lambda: F.max_pool1d(torch.randn(1, 2, 3, 4), 2),
    lambda: F.max_pool1d(x, (2, 2)),
    lambda: F.max_pool1d(x, 2, stride=(1, 1)),
    lambda: F.max_pool1d(x, 2, padding=2),
    lambda: F.max_pool1d(x, 2, stride=0),
    lambda: F.max_pool1d(x, 0),
    lambda: F.max_pool1d(x, 2, padding=-1),
    lambda: F.max_pool1d(x, 2, dilation=0),
    lambda: F.max_pool1d(torch.randn(1, 2, 1), 2),
    lambda: F.max_pool1d(x, 2.0),
    lambda: F.max_pool1d(torch.arange(6).reshape(1, 1, 6), 2),
    lambda: F.avg_pool1d(torch.randn(4), 2),
    lambda: F.avg_pool1d(x, (2, 2)),
    lambda: F.avg_pool1d(torch.randn(1, 2, 1), 2),
    lambda: F.avg_pool1d(x, 2, padding=2),
    lambda: F.avg_pool1d(x, 0),
    lambda: F.adaptive_avg_pool1d(torch.randn(1, 2, 3, 4), 2),
    lambda: F.adaptive_avg_pool1d(x, (2, 2)),
    lambda: F.adaptive_avg_pool1d(x, -1),
    lambda: F.adaptive_avg_pool1d(x, 2.0),
]
for attempt in attempts:
    try:
        attempt()
    except (RuntimeError, TypeError, NotImplementedError) as error:
        print(type(error).__name__, error)
""",
        (
            'Conv1d(2, 3, kernel_size=(3,), stride=(1,), padding=(1,))\n'
            'torch.Size([3, 2, 3]) torch.Size([3])\n'
            'tensor([[[-1.5294,  0.1317, -0.3260,  0.0386, -0.4197, -0.4846],\n'
            '         [-0.8285,  0.9228, -0.1839, -0.4939,  0.2025, -0.1042],\n'
            '         [ 0.2650, -0.3885, -0.9537,  0.4386, -0.2103, -0.2855]]],\n'
            '       grad_fn=<ConvolutionBackward0>)\n'
            'tensor([[[ 0.1317,  0.0386, -0.4197],\n'
            '         [ 0.9228, -0.1839,  0.2025],\n'
            '         [ 0.2650,  0.4386, -0.2103]]], grad_fn=<SqueezeBackward1>)\n'
            '<SqueezeBackward1 object at 0x…> <MaxPool2DWithIndicesBackward0 object at 0x…>\n'
            'tensor([[[-0.2815,  0.3663, -0.4416, -0.4888, -0.2320, -0.5405],\n'
            '         [-0.0310,  0.0724, -0.3795, -0.2534,  0.2352,  0.2742]]])\n'
            'tensor([[[-1.7230,  4.3307,  0.2800],\n'
            '         [-0.8808,  2.2801, -1.6886]],\n'
            '\n'
            '        [[ 1.8567,  3.2152, -0.4367],\n'
            '         [ 1.9499, -0.8000, -1.5422]],\n'
            '\n'
            '        [[-0.3490,  0.1093,  3.8597],\n'
            '         [-1.2961,  2.0529,  1.1421]]])\n'
            'torch.Size([3, 6])\n'
            'Conv1d(4, 4, kernel_size=(3,), stride=(1,), padding=same, groups=2, bias=False, padding_mode=reflect)\n'  # noqa: E501
            'Conv1d(2, 4, kernel_size=(3,), stride=(2,), padding=(1,), dilation=(2,), groups=2, bias=False, padding_mode=circular)\n'  # noqa: E501
            'tensor([[[0.3333, 2.0000, 4.0000, 6.0000]]], grad_fn=<SqueezeBackward1>)\n'
            'tensor([[[0.5000, 2.0000, 4.0000, 6.0000, 7.0000]]],\n'
            '       grad_fn=<SqueezeBackward1>)\n'
            'AvgPool1d(kernel_size=(3,), stride=(1,), padding=(1,))\n'
            'AvgPool1d(kernel_size=(3,), stride=(3,), padding=(0,))\n'
            'MaxPool1d(kernel_size=3, stride=1, padding=1, dilation=1, ceil_mode=True)\n'
            'AdaptiveAvgPool1d(output_size=3)\n'
            'tensor([[[1.0000, 3.5000, 6.0000]]], grad_fn=<SqueezeBackward1>) <AdaptiveAvgPool2DBackward0 object at 0x…>\n'  # noqa: E501
            '<MeanBackward1 object at 0x…>\n'
            'tensor([[3., 5., 4.]]) tensor([[1, 3, 4]])\n'
            'tensor([[[3., 5.]]]) tensor([[[2.0000, 3.5000]]])\n'
            'tensor([[[2., 2., 2.]]])\n'
            'tensor([[[4., 4., 4., 4., 2.]]])\n'
            'tensor([3., 3., 3.])\n'
            'RuntimeError Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: [1, 2, 3, 3]\n'  # noqa: E501
            'RuntimeError Given groups=1, weight of size [3, 2, 3], expected input[1, 5, 6] to have 2 channels, but got 5 channels instead\n'  # noqa: E501
            'RuntimeError expected stride to be a single integer value or a list of 1 values to match the convolution dimensions, but got stride=[1, 2]\n'  # noqa: E501
            'RuntimeError dilation cannot broadcast to 1 dimensions\n'
            'TypeError conv1d() received an invalid combination of arguments - got (Tensor, Parameter, float), but expected one of:\n'  # noqa: E501
            ' * (Tensor input, Tensor weight, Tensor bias = None, tuple of ints stride = 1, tuple of ints padding = 0, tuple of ints dilation = 1, int groups = 1)\n'  # noqa: E501
            ' * (Tensor input, Tensor weight, Tensor bias = None, tuple of ints stride = 1, str padding = "valid", tuple of ints dilation = 1, int groups = 1)\n'  # noqa: E501
            '\n'
            'RuntimeError Expected 4-dimensional input for 4-dimensional weight [3, 2, 3, 3], but got 3-dimensional input of size [1, 2, 6] instead\n'  # noqa: E501
            "RuntimeError Calculated padded input size per channel: (2). Kernel size: (3). Kernel size can't be greater than actual input size\n"  # noqa: E501
            'RuntimeError max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:[1, 2, 3, 4]\n'  # noqa: E501
            'RuntimeError max_pool1d() kernel_size must be an int, list of ints or tuple of ints of size 1 but got size 2\n'  # noqa: E501
            'RuntimeError max_pool1d() stride must be None, an int, list of ints, or tuple of ints of size 1 but got size 2\n'  # noqa: E501
            'RuntimeError max_pool1d() padding should be at most half of kernel size, but got padding=2 and kernel_size=2\n'  # noqa: E501
            'RuntimeError max_pool1d() stride must be greater than zero, but got 0\n'
            'RuntimeError max_pool1d() kernel_size must be greater than zero, but got 0\n'
            'RuntimeError max_pool1d() padding must be non-negative, but got -1\n'
            'RuntimeError max_pool1d() dilation must be greater than zero, but got 0\n'
            'RuntimeError max_pool1d() Invalid computed output size: 0\n'
            "TypeError max_pool1d(): argument 'kernel_size' (position 2) must be tuple of ints, not float\n"
            'NotImplementedError "max_pool1d_impl" not implemented for \'Long\'\n'
            "RuntimeError Expected 2 to 3 dimensions, but got 1-dimensional tensor for argument #1 'self' (while checking arguments for avg_pool1d)\n"  # noqa: E501
            "RuntimeError avg_pool1d() argument 'kernel_size' should contain one int (got 2)\n"
            'RuntimeError Given input size: (2x1x1). Calculated output size: (2x1x0). Output size is too small\n'  # noqa: E501
            'RuntimeError pad should be at most half of effective kernel size, but got pad=2, kernel_size=2 and dilation=1\n'  # noqa: E501
            'RuntimeError stride should not be zero\n'
            "RuntimeError Expected 2 to 3 dimensions, but got 4-dimensional tensor for argument #1 'self' (while checking arguments for adaptive_avg_pool1d)\n"  # noqa: E501
            "RuntimeError adaptive_avg_pool1d() argument 'output_size' should contain one int (got 2)\n"
            'RuntimeError adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {1, -1}\n'  # noqa: E501
            "TypeError adaptive_avg_pool1d(): argument 'output_size' (position 2) must be tuple of ints, not float\n"  # noqa: E501
        ),
    ),
    # Conv1d's padding modes (zeros, reflect, replicate, circular) with padding='same', an even kernel
    # (the odd zero at the end) and a strided replicate-padded layer with its gradient.
    "one_dimensional_convolution_padding_modes_as_pytorchs": (
        r"""
import torch
import torch.nn as nn

torch.manual_seed(1)
signal = torch.arange(6.0).reshape(1, 1, 6)
for mode in ("zeros", "reflect", "replicate", "circular"):
    layer = nn.Conv1d(1, 2, 3, padding="same", padding_mode=mode, bias=False)
    print(mode, layer(signal).detach().round(decimals=3))
even = nn.Conv1d(1, 1, 4, padding="same", padding_mode="reflect", bias=False)
print(even(signal).detach().round(decimals=3))
strided = nn.Conv1d(1, 1, 2, stride=2, padding=1, padding_mode="replicate")
out = strided(signal.requires_grad_())
out.sum().backward()
print(out.grad_fn, out.grad_fn.next_functions[0][0], signal.grad)
""",
        (
            'zeros tensor([[[-0.1120, -0.4790, -0.5480, -0.6170, -0.6860, -0.0840],\n'
            '         [ 0.3460,  0.1490,  0.2230,  0.2960,  0.3700, -1.6340]]])\n'
            'reflect tensor([[[-0.0390,  0.4540,  0.7090,  0.9650,  1.2200,  1.3150],\n'
            '         [-0.0420,  0.2170,  0.3350,  0.4530,  0.5710,  0.6320]]])\n'
            'replicate tensor([[[-0.0420, -0.3090, -0.3650, -0.4220, -0.4780, -0.4920],\n'
            '         [-0.0020,  0.0790,  0.1080,  0.1380,  0.1670,  0.1990]]])\n'
            'circular tensor([[[ 2.3080, -0.2500,  0.2190,  0.6880,  1.1580,  2.9170],\n'
            '         [-1.9930, -0.5950, -1.2890, -1.9840, -2.6780, -1.8790]]])\n'
            'tensor([[[0.6810, 1.4350, 1.8690, 2.3020, 2.1920, 1.4860]]])\n'
            '<ConvolutionBackward0 object at 0x…> <ReplicationPad1DBackward0 object at 0x…> tensor([[[-0.2529, -0.6912,  0.4383, -0.6912,  0.4383, -0.2529]]])\n'  # noqa: E501
        ),
    ),
    # Dropout as PyTorch's CPU kernel draws it (a double-precision uniform below 1 - p keeps an element;
    # the scale 1/(1-p) in the input's type): the same elements dropped after manual_seed, Dropout1d and
    # Dropout2d zeroing whole channels, in place and unbatched forms, eval mode, and PyTorch's refusals.
    "dropout_draws_the_elements_and_channels_pytorch_drops": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
print(F.dropout(torch.ones(12), 0.3))
print(F.dropout(torch.ones(2, 4, dtype=torch.float64), 0.15))
x = torch.arange(1.0, 7.0, requires_grad=True)
y = nn.Dropout(0.5)(x)
print(y)
y.sum().backward()
print(x.grad)
layer = nn.Dropout(0.5)
layer.eval()
print(layer(x) is x, layer)
print(F.dropout(torch.ones(3), 1.0), F.dropout(torch.ones(3), 0.0))
images = torch.ones(2, 3, 2, 2)
print(nn.Dropout2d(0.5)(images)[:, :, 0, 0])
print(F.dropout2d(torch.ones(2, 3, 2, 2, requires_grad=True), 0.5).grad_fn)
print(nn.Dropout1d(p=0.25)(torch.ones(2, 4, 3))[:, :, 0])
print(F.dropout1d(torch.ones(3, 2), 0.5))
print(F.dropout1d(torch.ones(3, 2, requires_grad=True), 0.5).grad_fn)
print(nn.Dropout1d(p=0.25, inplace=True), nn.Dropout2d())
inputs = torch.ones(2, 2, 1, 1)
F.dropout2d(inputs, 0.5, inplace=True)
print(inputs.flatten())
sequence = torch.ones(1, 3, 2)
same = F.dropout1d(sequence, 0.5, inplace=True)
print(same is sequence, sequence[0, :, 0])
print(F.dropout2d(torch.ones(2, 2, 2, 2), 0.5, training=False).sum())
print(type(nn.Dropout2d()))
for attempt in [
    lambda: nn.Dropout2d(1.5),
    lambda: F.dropout(torch.ones(2), -0.1),
    lambda: F.dropout1d(torch.ones(4), 0.5),
    lambda: F.dropout1d(torch.ones(1, 2, 3, 4), 0.5),
    lambda: F.dropout(torch.ones(2, requires_grad=True), 0.5, inplace=True),
]:
    try:
        attempt()
    except (ValueError, RuntimeError) as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([0.0000, 0.0000, 1.4286, 0.0000, 1.4286, 0.0000, 1.4286, 1.4286, 1.4286,\n'
            '        1.4286, 1.4286, 1.4286])\n'
            'tensor([[1.1765, 1.1765, 1.1765, 1.1765],\n'
            '        [1.1765, 1.1765, 1.1765, 1.1765]], dtype=torch.float64)\n'
            'tensor([ 2.,  0.,  6.,  0., 10.,  0.], grad_fn=<MulBackward0>)\n'
            'tensor([2., 0., 2., 0., 2., 0.])\n'
            'True Dropout(p=0.5, inplace=False)\n'
            'tensor([0., 0., 0.]) tensor([1., 1., 1.])\n'
            'tensor([[0., 0., 0.],\n'
            '        [2., 0., 0.]])\n'
            '<MulBackward0 object at 0x…>\n'
            'tensor([[0.0000, 1.3333, 1.3333, 1.3333],\n'
            '        [1.3333, 1.3333, 1.3333, 1.3333]])\n'
            'tensor([[0., 0.],\n'
            '        [2., 2.],\n'
            '        [0., 0.]])\n'
            '<SqueezeBackward1 object at 0x…>\n'
            'Dropout1d(p=0.25, inplace=True) Dropout2d(p=0.5, inplace=False)\n'
            'tensor([2., 0., 0., 2.])\n'
            'True tensor([0., 0., 2.])\n'
            'tensor(16.)\n'
            "<class 'torch.nn.modules.dropout.Dropout2d'>\n"
            'ValueError dropout probability has to be between 0 and 1, but got 1.5\n'
            'ValueError dropout probability has to be between 0 and 1, but got -0.1\n'
            'RuntimeError dropout1d: Expected 2D or 3D input, but received a 1D input. Note that dropout1d exists to provide channel-wise dropout on inputs with 1 spatial dimension, a channel dimension, and an optional batch dimension (i.e. 2D or 3D inputs).\n'  # noqa: E501
            'RuntimeError dropout1d: Expected 2D or 3D input, but received a 4D input. Note that dropout1d exists to provide channel-wise dropout on inputs with 1 spatial dimension, a channel dimension, and an optional batch dimension (i.e. 2D or 3D inputs).\n'  # noqa: E501
            'RuntimeError a leaf Variable that requires grad is being used in an in-place operation.\n'
        ),
    ),
    # rand, randn, randint and normal take generator= and draw from it as PyTorch does, leaving the default
    # generator where it was (they drew from the default one before).
    "random_factories_draw_from_a_generator_of_ones_own": (
        r"""
import torch

torch.manual_seed(0)
own = torch.Generator().manual_seed(5)
print(torch.rand(3, generator=own))
print(torch.randn(17, generator=own)[-3:])
print(torch.randint(0, 10, (6,), generator=own), torch.randint(5, (3,), generator=own))
print(torch.normal(2.0, 0.5, size=(3,), generator=own))
print(torch.normal(torch.zeros(2), torch.ones(2), generator=own))
print(torch.rand(3))  # the default generator, untouched by the draws above: seed 0's first numbers
again = torch.Generator().manual_seed(5)
print(torch.equal(torch.rand(3, generator=again), torch.rand(3, generator=torch.Generator().manual_seed(5))))
""",
        (
            'tensor([0.8303, 0.1261, 0.9075])\n'
            'tensor([ 0.0317, -1.1724, -1.5069])\n'
            'tensor([7, 4, 5, 9, 6, 3]) tensor([4, 2, 0])\n'
            'tensor([2.2307, 2.8432, 2.7315])\n'
            'tensor([-0.0631,  1.3844])\n'
            'tensor([0.4963, 0.7682, 0.0885])\n'
            'True\n'
        ),
    ),
    # nn.init.orthogonal_: PyTorch's normal draws, the Q of their QR with R's diagonal signs, wide, tall and
    # 3-d tensors, gain, a Generator of one's own, an LSTM's recurrent weights; its refusal.
    "orthogonal_init_as_pytorchs": (
        r"""
import torch
torch.manual_seed(0)
w = torch.nn.init.orthogonal_(torch.empty(3, 5))
print(w)
print(torch.allclose(w @ w.T, torch.eye(3), atol=1e-6))
tall = torch.nn.init.orthogonal_(torch.empty(4, 2), gain=2.0)
print(tall)
print(torch.nn.init.orthogonal_(torch.empty(2, 2, 2)))
generator = torch.Generator().manual_seed(1)
print(torch.nn.init.orthogonal_(torch.empty(2, 3), generator=generator))
lstm = torch.nn.LSTM(2, 2)
torch.nn.init.orthogonal_(lstm.weight_hh_l0)
print(lstm.weight_hh_l0)
try:
    torch.nn.init.orthogonal_(torch.empty(3))
except ValueError as error:
    print(error)
""",
        (
            'tensor([[ 0.5222, -0.0994, -0.7384,  0.1926, -0.3675],\n'
            '        [-0.5365,  0.2106, -0.1429, -0.3588, -0.7202],\n'
            '        [-0.4409,  0.0663, -0.0457,  0.8898, -0.0864]])\n'
            'True\n'
            'tensor([[ 0.1150, -0.7967],\n'
            '        [ 0.3497, -1.2771],\n'
            '        [-1.4145,  0.6976],\n'
            '        [ 1.3652,  1.1170]])\n'
            'tensor([[[ 0.3924,  0.0972],\n'
            '         [ 0.6400, -0.6535]],\n'
            '\n'
            '        [[-0.8446,  0.2071],\n'
            '         [-0.0175, -0.4935]]])\n'
            'tensor([[ 0.9239,  0.3729,  0.0862],\n'
            '        [ 0.3812, -0.8768, -0.2931]])\n'
            'Parameter containing:\n'
            'tensor([[-0.0841, -0.7829],\n'
            '        [-0.0280, -0.0046],\n'
            '        [ 0.3697,  0.0279],\n'
            '        [-0.3539,  0.0650],\n'
            '        [-0.2392, -0.0964],\n'
            '        [ 0.7382, -0.3069],\n'
            '        [ 0.0476,  0.3728],\n'
            '        [ 0.3547,  0.3736]], requires_grad=True)\n'
            'Only tensors with 2 or more dimensions are supported\n'
        ),
    ),
    # bernoulli (number or tensor probabilities), multinomial with and without replacement, exponential_,
    # geometric_, cauchy_, log_normal_ and normal with tensor parameters draw what PyTorch's CPU kernels draw
    # after manual_seed (or from a Generator); their nodes pass zero gradients; PyTorch's refusals.
    "random_draws_bernoulli_multinomial_and_friends_as_pytorchs": (
        r"""
import torch

torch.manual_seed(0)
probabilities = torch.tensor([0.1, 0.5, 0.9, 0.5])
print(torch.bernoulli(probabilities), torch.bernoulli(torch.full((5,), 0.3, dtype=torch.float64)))
print(torch.empty(6).bernoulli_(0.4), torch.zeros(3, dtype=torch.long).bernoulli_(0.5))
print(torch.empty(2, 3).bernoulli_(torch.tensor([0.2, 0.5, 0.8])), torch.full((3,), 0.5).bernoulli())
weights = torch.tensor([0.1, 0.2, 0.3, 0.4])
print(torch.multinomial(weights, 3), torch.multinomial(weights, 8, replacement=True))
print(torch.multinomial(torch.tensor([[1.0, 2.0, 3.0], [3.0, 2.0, 1.0]]), 5, replacement=True))
print(torch.multinomial(torch.tensor([[0.5, 0.5, 0.0], [0.2, 0.3, 0.5]]), 2), weights.multinomial(1))
print(torch.multinomial(torch.tensor([0.0, 1.0, 0.0]), 2))
print(torch.empty(4).exponential_(), torch.empty(3, dtype=torch.float64).exponential_(2.0))
print(torch.empty(5).geometric_(0.3), torch.empty(3).cauchy_(1.0, 2.0))
print(torch.empty(3).log_normal_(), torch.empty(20, dtype=torch.float64).log_normal_(0.0, 0.5)[-3:])
print(torch.normal(torch.arange(1.0, 4.0), torch.tensor([1.0, 0.5, 0.1])))
print(torch.normal(torch.zeros(2, 1), torch.ones(3)))
print(torch.normal(torch.zeros(20), 2.0)[-3:], torch.normal(1.0, torch.ones(2)))
print(torch.normal(2.0, 3.0, size=(3,)))
mean, spread = torch.zeros(3, requires_grad=True), torch.ones(3, requires_grad=True)
drawn = torch.normal(mean, spread)
drawn.sum().backward()
print(drawn.grad_fn, mean.grad, spread.grad)
print(torch.normal(mean, 2.0).grad_fn, torch.normal(1.0, spread).grad_fn)
p = torch.full((3,), 0.5, requires_grad=True)
flips = torch.bernoulli(p)
(flips * 2).sum().backward()
print(flips.grad_fn, p.grad)
generator = torch.Generator().manual_seed(3)
print(torch.multinomial(weights, 2, generator=generator), torch.empty(2).exponential_(generator=generator))
attempts = [
    lambda: torch.empty(3).bernoulli_(1.5),
    lambda: torch.bernoulli(torch.tensor([0.5, 1.5])),
    lambda: torch.bernoulli(torch.tensor([0, 1])),
    lambda: torch.multinomial(torch.ones(2, 2, 2), 1),
    lambda: torch.multinomial(torch.ones(3), 4),
    lambda: torch.multinomial(torch.tensor([0.5, -0.1]), 1),
    lambda: torch.multinomial(torch.zeros(3), 2, replacement=True),
    lambda: torch.multinomial(torch.ones(3), 0),
    lambda: torch.multinomial(torch.tensor([1, 2]), 1),
    lambda: torch.empty(2).exponential_(-1.0),
    lambda: torch.empty(2).geometric_(1.5),
    lambda: torch.empty(2).cauchy_(0, -1),
    lambda: torch.empty(2).log_normal_(0, -1),
    lambda: torch.normal(torch.zeros(2), torch.tensor([1.0, -1.0])),
    lambda: torch.normal(torch.zeros(2), -0.5),
    lambda: torch.normal(2.0, -1.0, size=(2,)),
    lambda: torch.empty(2).normal_(0, float("nan")),
    lambda: torch.ones(2, requires_grad=True).exponential_(),
]
for attempt in attempts:
    try:
        attempt()
    except (RuntimeError, NotImplementedError) as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([0., 0., 1., 1.]) tensor([0., 0., 0., 0., 1.], dtype=torch.float64)\n'
            'tensor([1., 0., 1., 0., 1., 1.]) tensor([0, 1, 1])\n'
            'tensor([[1., 1., 1.],\n'
            '        [1., 1., 0.]]) tensor([0., 0., 0.])\n'
            'tensor([3, 1, 2]) tensor([3, 3, 2, 3, 3, 3, 3, 1])\n'
            'tensor([[1, 2, 2, 2, 1],\n'
            '        [1, 1, 0, 1, 0]])\n'
            'tensor([[1, 0],\n'
            '        [0, 2]]) tensor([2])\n'
            'tensor([1, 0])\n'
            'tensor([0.4676, 0.9928, 0.9858, 0.1990]) tensor([1.4850, 0.1370, 1.1163], dtype=torch.float64)\n'
            'tensor([2., 9., 1., 1., 1.]) tensor([1.5729, 2.0583, 1.2741])\n'
            'tensor([1.2874e-01, 1.2366e+00, 1.9999e+02]) tensor([1.1389, 1.2365, 0.7782], dtype=torch.float64)\n'  # noqa: E501
            'tensor([1.3068, 2.4054, 3.1419])\n'
            'tensor([[ 0.7778,  1.6108, -1.4810],\n'
            '        [ 1.6383, -0.6742, -0.3624]])\n'
            'tensor([ 2.3058, -3.5222, -2.2141]) tensor([1.1134, 1.0006])\n'
            'tensor([5.1185, 5.3898, 0.4347])\n'
            '<NormalBackward3 object at 0x…> tensor([0., 0., 0.]) tensor([0., 0., 0.])\n'
            '<NormalBackward1 object at 0x…> <NormalBackward2 object at 0x…>\n'
            '<BernoulliBackward0 object at 0x…> tensor([0., 0., 0.])\n'
            'tensor([0, 3]) tensor([1.4080, 0.9371])\n'
            'RuntimeError bernoulli_ expects p to be in [0, 1], but got p=1.5\n'
            'RuntimeError Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)\n'  # noqa: E501
            'NotImplementedError "bernoulli_tensor_cpu_p_" not implemented for \'Long\'\n'
            'RuntimeError prob_dist must be 1 or 2 dim\n'
            'RuntimeError cannot sample n_sample > prob_dist.size(-1) samples without replacement\n'
            'RuntimeError probability tensor contains either `inf`, `nan` or element < 0\n'
            'RuntimeError invalid multinomial distribution (sum of probabilities <= 0)\n'
            'RuntimeError cannot sample n_sample <= 0 samples\n'
            'RuntimeError multinomial only supports floating-point dtypes for input, got: Long\n'
            'RuntimeError exponential_ expects lambda > 0.0, but found lambda=-1\n'
            'RuntimeError geometric_ expects p to be in (0, 1), but got p=1.5\n'
            'RuntimeError cauchy_ expects sigma > 0.0, but found sigma=-1\n'
            'RuntimeError log_normal_ expects std > 0.0, but found std=-1\n'
            'RuntimeError normal expects all elements of std >= 0.0\n'
            'RuntimeError normal expects std >= 0.0, but found std -0.5\n'
            'RuntimeError normal expects std >= 0.0, but found std -1\n'
            'RuntimeError normal expects std >= 0.0, but found std nan\n'
            'RuntimeError a leaf Variable that requires grad is being used in an in-place operation.\n'
        ),
    ),
    # uniform_ (and nn.init.uniform_) refuse a range backwards, out of the type's bounds or wider than it
    # can hold; normal_ a negative std; randperm a negative size; randint an empty range: PyTorch's words.
    "random_fills_refuse_ranges_pytorch_refuses": (
        r"""
import torch

attempts = [
    lambda: torch.empty(2).uniform_(1, 0),
    lambda: torch.nn.init.uniform_(torch.empty(2), 2, 1),
    lambda: torch.empty(2).uniform_(0, float("inf")),
    lambda: torch.empty(2, dtype=torch.float64).uniform_(0, float("inf")),
    lambda: torch.empty(2).uniform_(float("nan"), 1),
    lambda: torch.empty(2).uniform_(-3e38, 3e38),
    lambda: torch.empty(2).normal_(0, -1),
    lambda: torch.nn.init.normal_(torch.empty(2), 0, -1),
    lambda: torch.randperm(-1),
    lambda: torch.randint(3, 3, (2,)),
]
for attempt in attempts:
    try:
        attempt()
    except RuntimeError as error:
        print(error)
print(torch.empty(3).uniform_(-0.5, 0.5).abs().max() < 0.5, torch.rand(2, 3).bernoulli().shape)
""",
        (
            'uniform_ expects to return a [from, to) range, but found from=1 > to=0\n'
            'uniform_ expects to return a [from, to) range, but found from=2 > to=1\n'
            'to is out of bounds for float\n'
            'to is out of bounds for double\n'
            'from is out of bounds for float\n'
            'uniform_ expects to-from <= std::numeric_limits<Float>::max(), but found to=3e+38 and from=-3e+38 which result in to-from to exceed the limit\n'  # noqa: E501
            'normal expects std >= 0.0, but found std -1\n'
            'normal expects std >= 0.0, but found std -1\n'
            'Trying to create tensor with negative dimension -1: [-1]\n'
            "random_ expects 'from' to be less than 'to', but got from=3 >= to=3\n"
            'tensor(True) torch.Size([2, 3])\n'
        ),
    ),
    # div with rounding_mode: integers stay integers (trunc rounds toward zero), DivBackward2 passes zero
    # gradients, true_divide, and PyTorch's refusal of another mode.
    "div_with_a_rounding_mode_as_pytorchs": (
        r"""
import torch

whole = torch.tensor([-7, -3, 0, 5, 9])
print(torch.div(whole, 2, rounding_mode="trunc"), torch.div(whole, -4, rounding_mode="floor"))
print(torch.div(whole, torch.tensor([2, -2, 3, -3, 4]), rounding_mode="trunc"))
small = torch.tensor([5], dtype=torch.int32)
print(torch.div(whole, 2.0, rounding_mode="trunc"), torch.div(small, 2, rounding_mode="trunc").dtype)
x = torch.tensor([-3.5, -1.5, 0.5, 2.5], requires_grad=True)
y = torch.div(x, torch.tensor(2.0), rounding_mode="floor")
z = torch.div(x, 2, rounding_mode="trunc")
print(y, z)
(y + z + x).sum().backward()
print(x.grad, y.grad_fn, z.grad_fn)
print(whole.div(3, rounding_mode="trunc"), torch.true_divide(whole, 2))
try:
    torch.div(x, 2, rounding_mode="round")
except RuntimeError as error:
    print(error)
""",
        (
            'tensor([-3, -1,  0,  2,  4]) tensor([ 1,  0,  0, -2, -3])\n'
            'tensor([-3,  1,  0, -1,  2])\n'
            'tensor([-3., -1.,  0.,  2.,  4.]) torch.int32\n'
            'tensor([-2., -1.,  0.,  1.], grad_fn=<DivBackward2>) tensor([-1., -0.,  0.,  1.], grad_fn=<DivBackward2>)\n'  # noqa: E501
            'tensor([1., 1., 1., 1.]) <DivBackward2 object at 0x…> <DivBackward2 object at 0x…>\n'
            'tensor([-2, -1,  0,  1,  3]) tensor([-3.5000, -1.5000,  0.0000,  2.5000,  4.5000])\n'
            "div expected rounding_mode to be one of None, 'trunc', or 'floor' but found 'round'\n"
        ),
    ),
    # LogSigmoid, Hardswish, Hardsigmoid, Mish, Softsign, SELU, ReLU6, CELU, Tanhshrink, Softshrink,
    # Hardshrink and Softmin: values, gradients (at the kinks too) and the nodes PyTorch records.
    "the_other_activations_as_pytorchs": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F

x = torch.tensor([-5.0, -3.0, -1.5, -0.25, 0.0, 0.5, 2.0, 3.0, 4.0], requires_grad=True)
layers = [
    nn.LogSigmoid(), nn.Hardswish(), nn.Hardsigmoid(), nn.Mish(), nn.Softsign(), nn.SELU(), nn.ReLU6(),
    nn.CELU(), nn.CELU(0.5), nn.Tanhshrink(), nn.Softshrink(), nn.Softshrink(0.3), nn.Hardshrink(),
    nn.Softmin(dim=0),
]
for layer in layers:
    y = layer(x)
    x.grad = None
    (y * torch.arange(1.0, 10.0)).sum().backward()
    print(layer, y.grad_fn.name())
    print(y.detach())
    print(x.grad)
print(F.logsigmoid(torch.tensor([20.0, -100.0])), F.mish(torch.tensor([30.0, -30.0])))
print(F.relu6(torch.tensor([-1.0, 7.0])), F.selu(torch.tensor([-1.0], dtype=torch.float64)))
print(F.softmin(torch.tensor([[1.0, 2.0]]), dim=1), F.hardshrink(torch.tensor([0.5, 0.6]), 0.5))
""",
        (
            'LogSigmoid() LogSigmoidBackward0\n'
            'tensor([-5.0067, -3.0486, -1.7014, -0.8259, -0.6931, -0.4741, -0.1269, -0.0486,\n'
            '        -0.0181])\n'
            'tensor([0.9933, 1.9051, 2.4527, 2.2487, 2.5000, 2.2652, 0.8344, 0.3794, 0.1619])\n'
            'Hardswish() HardswishBackward0\n'
            'tensor([-0.0000, -0.0000, -0.3750, -0.1146,  0.0000,  0.2917,  1.6667,  3.0000,\n'
            '         4.0000])\n'
            'tensor([0.0000, 0.0000, 0.0000, 1.6667, 2.5000, 4.0000, 8.1667, 8.0000, 9.0000])\n'
            'Hardsigmoid() HardsigmoidBackward0\n'
            'tensor([0.0000, 0.0000, 0.2500, 0.4583, 0.5000, 0.5833, 0.8333, 1.0000, 1.0000])\n'
            'tensor([0.0000, 0.0000, 0.5000, 0.6667, 0.8333, 1.0000, 1.1667, 0.0000, 0.0000])\n'
            'Mish() MishBackward0\n'
            'tensor([-0.0336, -0.1456, -0.2981, -0.1299,  0.0000,  0.3752,  1.9440,  2.9865,\n'
            '         3.9974])\n'
            'tensor([-0.0267, -0.1868, -0.1923,  1.7593,  3.0000,  5.3185,  7.4852,  8.1689,\n'
            '         9.0399])\n'
            'Softsign() DivBackward0\n'
            'tensor([-0.8333, -0.7500, -0.6000, -0.2000,  0.0000,  0.3333,  0.6667,  0.7500,\n'
            '         0.8000])\n'
            'tensor([0.0278, 0.1250, 0.4800, 2.5600, 5.0000, 2.6667, 0.7778, 0.5000, 0.3600])\n'
            'SELU() EluBackward0\n'
            'tensor([-1.7463, -1.6706, -1.3658, -0.3889,  0.0000,  0.5254,  2.1014,  3.1521,\n'
            '         4.2028])\n'
            'tensor([0.0118, 0.1751, 1.1769, 5.4768, 8.7905, 6.3042, 7.3549, 8.4056, 9.4563])\n'
            'ReLU6() HardtanhBackward0\n'
            'tensor([0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.5000, 2.0000, 3.0000, 4.0000])\n'
            'tensor([0., 0., 0., 0., 0., 6., 7., 8., 9.])\n'
            'CELU(alpha=1.0) CeluBackward0\n'
            'tensor([-0.9933, -0.9502, -0.7769, -0.2212,  0.0000,  0.5000,  2.0000,  3.0000,\n'
            '         4.0000])\n'
            'tensor([6.7379e-03, 9.9574e-02, 6.6939e-01, 3.1152e+00, 5.0000e+00, 6.0000e+00,\n'
            '        7.0000e+00, 8.0000e+00, 9.0000e+00])\n'
            'CELU(alpha=0.5) CeluBackward0\n'
            'tensor([-0.5000, -0.4988, -0.4751, -0.1967,  0.0000,  0.5000,  2.0000,  3.0000,\n'
            '         4.0000])\n'
            'tensor([4.5400e-05, 4.9575e-03, 1.4936e-01, 2.4261e+00, 5.0000e+00, 6.0000e+00,\n'
            '        7.0000e+00, 8.0000e+00, 9.0000e+00])\n'
            'Tanhshrink() SubBackward0\n'
            'tensor([-4.0001, -2.0049, -0.5949, -0.0051,  0.0000,  0.0379,  1.0360,  2.0049,\n'
            '         3.0007])\n'
            'tensor([0.9998, 1.9803, 2.4579, 0.2399, 0.0000, 1.2813, 6.5054, 7.9211, 8.9879])\n'
            'Softshrink(0.5) SoftshrinkBackward0\n'
            'tensor([-4.5000, -2.5000, -1.0000, -0.0000,  0.0000,  0.0000,  1.5000,  2.5000,\n'
            '         3.5000])\n'
            'tensor([1., 2., 3., 0., 0., 0., 7., 8., 9.])\n'
            'Softshrink(0.3) SoftshrinkBackward0\n'
            'tensor([-4.7000, -2.7000, -1.2000, -0.0000,  0.0000,  0.2000,  1.7000,  2.7000,\n'
            '         3.7000])\n'
            'tensor([1., 2., 3., 0., 0., 6., 7., 8., 9.])\n'
            'Hardshrink(0.5) HardshrinkBackward0\n'
            'tensor([-5.0000, -3.0000, -1.5000,  0.0000,  0.0000,  0.0000,  2.0000,  3.0000,\n'
            '         4.0000])\n'
            'tensor([1., 2., 3., 0., 0., 0., 7., 8., 9.])\n'
            'Softmin(dim=0) SoftmaxBackward0\n'
            'tensor([8.4290e-01, 1.1407e-01, 2.5453e-02, 7.2925e-03, 5.6794e-03, 3.4447e-03,\n'
            '        7.6863e-04, 2.8276e-04, 1.0402e-04])\n'
            'tensor([ 0.1974, -0.0874, -0.0449, -0.0202, -0.0214, -0.0164, -0.0044, -0.0019,\n'
            '        -0.0008])\n'
            'tensor([-2.0612e-09, -1.0000e+02]) tensor([ 3.0000e+01, -2.8073e-12])\n'
            'tensor([0., 6.]) tensor([-1.1113], dtype=torch.float64)\n'
            'tensor([[0.7311, 0.2689]]) tensor([0.0000, 0.6000])\n'
        ),
    ),
    # cross_entropy and nll_loss with class weights (a weighted mean divides by the weights' total),
    # label smoothing (with weights and ignore_index too) and every reduction, in PyTorch's argument order;
    # the layers keep the weight as a buffer in state_dict.
    "cross_entropy_with_class_weights_and_label_smoothing_as_pytorchs": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F

rows = [[1.0, 2.0, 0.5], [0.2, -1.0, 3.0], [0.0, 0.3, -0.4], [1.5, 1.5, 0.1]]
logits = torch.tensor(rows, requires_grad=True)
target = torch.tensor([1, 2, 0, 2])
weight = torch.tensor([1.0, 2.0, 0.5])
for options in [
    {"weight": weight},
    {"weight": weight, "reduction": "sum"},
    {"weight": weight, "reduction": "none"},
    {"label_smoothing": 0.1},
    {"label_smoothing": 0.2, "weight": weight},
    {"label_smoothing": 0.1, "ignore_index": 2},
    {"label_smoothing": 0.1, "weight": weight, "ignore_index": 0, "reduction": "sum"},
]:
    loss = F.cross_entropy(logits, target, **options)
    logits.grad = None
    loss.sum().backward()
    print(options.keys(), loss.detach(), loss.grad_fn.name())
    print(logits.grad)
log_probs = torch.log_softmax(logits.detach(), 1).requires_grad_()
nll = F.nll_loss(log_probs, target, weight)
nll.backward()
print(nll, log_probs.grad)
criterion = nn.CrossEntropyLoss(weight=weight, label_smoothing=0.05)
print(criterion, criterion(logits, target), list(criterion.state_dict()))
print(nn.NLLLoss(weight=weight)(log_probs, target), nn.NLLLoss().state_dict())
""",
        (
            "dict_keys(['weight']) tensor(0.7942) NllLossBackward0\n"
            'tensor([[ 0.1156, -0.1857,  0.0701],\n'
            '        [ 0.0070,  0.0021, -0.0092],\n'
            '        [-0.1672,  0.1117,  0.0555],\n'
            '        [ 0.0556,  0.0556, -0.1113]])\n'
            "dict_keys(['weight', 'reduction']) tensor(3.1768) NllLossBackward0\n"
            'tensor([[ 0.4624, -0.7429,  0.2805],\n'
            '        [ 0.0282,  0.0085, -0.0367],\n'
            '        [-0.6689,  0.4469,  0.2219],\n'
            '        [ 0.2226,  0.2226, -0.4451]])\n'
            "dict_keys(['weight', 'reduction']) tensor([0.9287, 0.0381, 1.1053, 1.1047]) NllLossBackward0\n"
            'tensor([[ 0.4624, -0.7429,  0.2805],\n'
            '        [ 0.0282,  0.0085, -0.0367],\n'
            '        [-0.6689,  0.4469,  0.2219],\n'
            '        [ 0.2226,  0.2226, -0.4451]])\n'
            "dict_keys(['label_smoothing']) tensor(1.0188) AddBackward0\n"
            'tensor([[ 0.0495, -0.0762,  0.0267],\n'
            '        [ 0.0058, -0.0041, -0.0017],\n'
            '        [-0.1506,  0.1034,  0.0472],\n'
            '        [ 0.1029,  0.1029, -0.2059]])\n'
            "dict_keys(['label_smoothing', 'weight']) tensor(0.9928) AddBackward0\n"
            'tensor([[ 0.0893, -0.1453,  0.0559],\n'
            '        [-0.0077, -0.0306,  0.0384],\n'
            '        [-0.1311,  0.0821,  0.0490],\n'
            '        [ 0.0538,  0.0371, -0.0910]])\n'
            "dict_keys(['label_smoothing', 'ignore_index']) tensor(0.8282) AddBackward0\n"
            'tensor([[ 0.0989, -0.1524,  0.0535],\n'
            '        [ 0.0000,  0.0000,  0.0000],\n'
            '        [-0.3011,  0.2068,  0.0943],\n'
            '        [ 0.0000,  0.0000,  0.0000]])\n'
            "dict_keys(['label_smoothing', 'weight', 'ignore_index', 'reduction']) tensor(2.4635) AddBackward0\n"  # noqa: E501
            'tensor([[ 0.4098, -0.6620,  0.2521],\n'
            '        [-0.0014, -0.0570,  0.0584],\n'
            '        [ 0.0000,  0.0000,  0.0000],\n'
            '        [ 0.2189,  0.1856, -0.4045]])\n'
            'tensor(0.7942, grad_fn=<NllLossBackward0>) tensor([[ 0.0000, -0.5000,  0.0000],\n'
            '        [ 0.0000,  0.0000, -0.1250],\n'
            '        [-0.2500,  0.0000,  0.0000],\n'
            '        [ 0.0000,  0.0000, -0.1250]])\n'
            "CrossEntropyLoss() tensor(0.8438, grad_fn=<AddBackward0>) ['weight']\n"
            'tensor(0.7942, grad_fn=<NllLossBackward0>) OrderedDict()\n'
        ),
    ),
    # trace, masked_select (broadcast masks too), nonzero, count_nonzero, isin and fmod with their
    # gradients, method forms and PyTorch's refusals.
    "trace_masked_select_nonzero_isin_and_fmod_as_pytorchs": (
        r"""
import torch

x = torch.arange(6.0).reshape(2, 3).requires_grad_()
picked = torch.masked_select(x, torch.tensor([True, False, True]))
picked.sum().backward()
print(picked, x.grad)
x.grad = None
above = x.masked_select(x > 2)
(above * 2).sum().backward()
print(above, x.grad)
square = torch.arange(9.0).reshape(3, 3).requires_grad_()
total = torch.trace(square)
total.backward()
print(total, square.grad, torch.trace(torch.arange(6.0).reshape(2, 3)), torch.arange(4).reshape(2, 2).trace())
grid = torch.tensor([[0, 1], [2, 0]])
print(torch.nonzero(grid), torch.nonzero(grid, as_tuple=True))
print(torch.tensor([0.0, 3.0]).nonzero(), torch.tensor(5).nonzero(), torch.zeros(2, 2).nonzero())
print(torch.count_nonzero(grid), torch.count_nonzero(torch.tensor([[0, 1], [2, 3]]), dim=0))
numbers = torch.tensor([1, 2, 3])
print(torch.isin(numbers, torch.tensor([2, 3])), torch.isin(numbers, 2, invert=True))
a = torch.tensor([-3.5, 2.5, 7.0], requires_grad=True)
b = torch.tensor([2.0, -1.5, 3.0], requires_grad=True)
rest = torch.fmod(a, b)
rest.sum().backward()
print(rest, a.grad, b.grad, rest.grad_fn.name(), torch.fmod(a, 2).grad_fn.name())
print(torch.fmod(torch.tensor([-7, 7]), 3), torch.tensor([-7.5, 7.5]).fmod(-2), torch.tensor([-7, 7]) % 3)
for attempt in [
    lambda: torch.trace(torch.ones(2, 2, 2)),
    lambda: torch.masked_select(torch.ones(3), torch.tensor([1, 0, 1])),
    lambda: torch.masked_select(torch.ones(3), torch.tensor([True, False])),
]:
    try:
        attempt()
    except RuntimeError as error:
        print(error)
""",
        (
            'tensor([0., 2., 3., 5.], grad_fn=<MaskedSelectBackward0>) tensor([[1., 0., 1.],\n'
            '        [1., 0., 1.]])\n'
            'tensor([3., 4., 5.], grad_fn=<MaskedSelectBackward0>) tensor([[0., 0., 0.],\n'
            '        [2., 2., 2.]])\n'
            'tensor(12., grad_fn=<TraceBackward0>) tensor([[1., 0., 0.],\n'
            '        [0., 1., 0.],\n'
            '        [0., 0., 1.]]) tensor(4.) tensor(3)\n'
            'tensor([[0, 1],\n'
            '        [1, 0]]) (tensor([0, 1]), tensor([1, 0]))\n'
            'tensor([[1]]) tensor([], size=(1, 0), dtype=torch.int64) tensor([], size=(0, 2), dtype=torch.int64)\n'  # noqa: E501
            'tensor(2) tensor([1, 2])\n'
            'tensor([False,  True,  True]) tensor([ True, False,  True])\n'
            'tensor([-1.5000,  1.0000,  1.0000], grad_fn=<FmodBackward1>) tensor([1., 1., 1.]) tensor([ 1.,  1., -2.]) FmodBackward1 FmodBackward0\n'  # noqa: E501
            'tensor([-1,  1]) tensor([-1.5000,  1.5000]) tensor([2, 1])\n'
            'trace: expected a matrix, but got tensor with dim 3\n'
            'masked_select: expected BoolTensor for mask\n'
            'The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0\n'
        ),
    ),
    # smooth_l1_loss and huber_loss (and their layers): values and gradients on both sides of the limit,
    # every reduction, beta 0 as L1, PyTorch's nodes and refusals.
    "smooth_l1_and_huber_losses_as_pytorchs": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F

pred = torch.tensor([0.0, 0.5, -1.0, 2.5, -3.0, 1.0], requires_grad=True)
target = torch.tensor([0.2, 1.5, 1.0, 0.0, -3.4, 0.0])
for name, loss_of in [
    ("smooth_l1", lambda: F.smooth_l1_loss(pred, target)),
    ("smooth_l1 beta 0.5 sum", lambda: F.smooth_l1_loss(pred, target, reduction="sum", beta=0.5)),
    ("smooth_l1 beta 0", lambda: F.smooth_l1_loss(pred, target, beta=0.0)),
    ("huber", lambda: F.huber_loss(pred, target)),
    ("huber delta 2 none", lambda: F.huber_loss(pred, target, reduction="none", delta=2.0)),
    ("SmoothL1Loss", lambda: nn.SmoothL1Loss(beta=2.0)(pred, target)),
    ("HuberLoss", lambda: nn.HuberLoss(delta=0.5)(pred, target)),
]:
    loss = loss_of()
    pred.grad = None
    loss.sum().backward()
    print(name, loss.detach(), pred.grad)
nodes = F.smooth_l1_loss(pred, target).grad_fn.name(), F.huber_loss(pred, target).grad_fn.name()
print(nn.SmoothL1Loss(), nn.HuberLoss(), *nodes)
refused = [lambda: F.smooth_l1_loss(pred, target, beta=-1.0), lambda: F.huber_loss(pred, target, delta=0.0)]
for attempt in refused:
    try:
        attempt()
    except RuntimeError as error:
        print(error)
""",
        (
            'smooth_l1 tensor(0.7667) tensor([-0.0333, -0.1667, -0.1667,  0.1667,  0.0667,  0.1667])\n'
            'smooth_l1 beta 0.5 sum tensor(5.7000) tensor([-0.4000, -1.0000, -1.0000,  1.0000,  0.8000,  1.0000])\n'  # noqa: E501
            'smooth_l1 beta 0 tensor(1.1833) tensor([-0.1667, -0.1667, -0.1667,  0.1667,  0.1667,  0.1667])\n'
            'huber tensor(0.7667) tensor([-0.0333, -0.1667, -0.1667,  0.1667,  0.0667,  0.1667])\n'
            'huber delta 2 none tensor([0.0200, 0.5000, 2.0000, 3.0000, 0.0800, 0.5000]) tensor([-0.2000, -1.0000, -2.0000,  2.0000,  0.4000,  1.0000])\n'  # noqa: E501
            'SmoothL1Loss tensor(0.5083) tensor([-0.0167, -0.0833, -0.1667,  0.1667,  0.0333,  0.0833])\n'
            'HuberLoss tensor(0.4750) tensor([-0.0333, -0.0833, -0.0833,  0.0833,  0.0667,  0.0833])\n'
            'SmoothL1Loss() HuberLoss() SmoothL1LossBackward0 HuberLossBackward0\n'
            'smooth_l1_loss does not support negative values for beta.\n'
            'huber_loss does not support non-positive values for delta.\n'
        ),
    ),
    # Order statistics with their nodes and, where a value occurs more than once, the index PyTorch's kernels
    # report (a stable sort's middle for median, its quickselect for kthvalue, std::sort's run for mode);
    # nansum and nanmean.
    "median_kthvalue_mode_and_the_nan_reductions_as_pytorchs": (
        r"""
import torch

scores = torch.tensor([[3., 1., 2., 1., 3., 5.], [2., 2., 7., 7., 0., 1.]], requires_grad=True)
print(scores.median())
print(scores.median(dim=1))
print(torch.kthvalue(scores, 2, dim=1))
print(scores.mode(dim=1))
values, indices = scores.median(0, keepdim=True)
print(values, indices)
values.sum().backward()
print(scores.grad)

x = torch.tensor([1., float("nan"), 3., 2.], requires_grad=True)
print(x.median(), x.nanmedian(), torch.nanmedian(x, 0))
print(torch.nansum(x), x.nanmean())
x.nanmean().backward()
print(x.grad)
print(torch.mode(torch.tensor([1, 2, 2, 3, 3, 1, 1, 3])))
row = (torch.arange(40) * 7 + torch.arange(40) // 5) % 4  # long rows with ties: the kernels decide the index
print(row.mode(), row.kthvalue(20), row.kthvalue(27))

empty, floats, whole = torch.tensor([]), scores, torch.arange(3)
for bad in (lambda: empty.median(0), lambda: floats.kthvalue(7), lambda: whole.nanmean()):
    try:
        bad()
    except (IndexError, RuntimeError) as error:
        print(type(error).__name__, error)
""",
        (
            'tensor(2., grad_fn=<MedianBackward0>)\n'
            'torch.return_types.median(\n'
            'values=tensor([2., 2.], grad_fn=<MedianBackward1>),\n'
            'indices=tensor([2, 0]))\n'
            'torch.return_types.kthvalue(\n'
            'values=tensor([1., 1.], grad_fn=<KthvalueBackward0>),\n'
            'indices=tensor([3, 5]))\n'
            'torch.return_types.mode(\n'
            'values=tensor([1., 2.], grad_fn=<ModeBackward0>),\n'
            'indices=tensor([3, 1]))\n'
            'tensor([[2., 1., 2., 1., 0., 1.]], grad_fn=<MedianBackward1>) tensor([[1, 0, 0, 0, 1, 1]])\n'
            'tensor([[0., 1., 1., 1., 0., 0.],\n'
            '        [1., 0., 0., 0., 1., 1.]])\n'
            'tensor(nan, grad_fn=<MedianBackward0>) tensor(2., grad_fn=<NanmedianBackward0>) torch.return_types.nanmedian(\n'  # noqa: E501
            'values=tensor(2., grad_fn=<NanmedianBackward1>),\n'
            'indices=tensor(3))\n'
            'tensor(6., grad_fn=<NansumBackward0>) tensor(2., grad_fn=<DivBackward0>)\n'
            'tensor([0.3333, 0.0000, 0.3333, 0.3333])\n'
            'torch.return_types.mode(\n'
            'values=tensor(1),\n'
            'indices=tensor(6))\n'
            'torch.return_types.mode(\n'
            'values=tensor(0),\n'
            'indices=tensor(9)) torch.return_types.kthvalue(\n'
            'values=tensor(1),\n'
            'indices=tensor(28)) torch.return_types.kthvalue(\n'
            'values=tensor(2),\n'
            'indices=tensor(2))\n'
            'IndexError median(): Expected reduction dim 0 to have non-zero size.\n'
            'RuntimeError kthvalue(): selected number k out of range for dimension 1\n'
            'RuntimeError nanmean(): expected input to have floating point or complex dtype but got Long\n'
        ),
    ),
    # cosine_similarity and pairwise_distance with the nodes PyTorch builds them from (expanded inputs, a
    # cloned norm raised to eps unrecorded; at::norm of x1 - x2 + eps), their layers and refusals.
    "cosine_similarity_and_pairwise_distance_as_pytorchs": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F


def nodes(t, depth=0):
    # the graph behind t, one node per line
    lines = []
    for node, _ in ((t.grad_fn, 0),) if depth == 0 else t:
        if node is not None:
            lines.append("  " * depth + type(node).__name__)
            lines += nodes(node.next_functions, depth + 1)
    return lines


a = torch.tensor([[1., 2., 3.], [0., 0., 0.]], requires_grad=True)
b = torch.tensor([1., 0., 1.], requires_grad=True)
similarity = F.cosine_similarity(a, b, dim=1)
print(similarity)
print("\n".join(nodes(similarity)))
similarity.sum().backward()
print(a.grad, b.grad)
print(F.cosine_similarity(b, b, dim=0), torch.cosine_similarity(torch.ones(2, 3), torch.ones(2, 3).double()))

distance = F.pairwise_distance(a, b)
print(distance)
print("\n".join(nodes(distance)))
print(F.pairwise_distance(a, b, p=1, keepdim=True), F.pairwise_distance(b, b))
print(nn.CosineSimilarity(dim=0), nn.PairwiseDistance(p=1.0), nn.CosineSimilarity()(a, b))

longs, wide = torch.tensor([[1, 2]]), torch.ones(2, 4)
for bad in (lambda: F.cosine_similarity(longs, longs), lambda: F.pairwise_distance(torch.ones(2, 3), wide)):
    try:
        bad()
    except RuntimeError as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([0.7559, 0.0000], grad_fn=<SumBackward1>)\n'
            'SumBackward1\n'
            '  MulBackward0\n'
            '    DivBackward0\n'
            '      ExpandBackward0\n'
            '        AccumulateGrad\n'
            '      CloneBackward0\n'
            '        LinalgVectorNormBackward0\n'
            '          ExpandBackward0\n'
            '            AccumulateGrad\n'
            '    DivBackward0\n'
            '      ExpandBackward0\n'
            '        AccumulateGrad\n'
            '      CloneBackward0\n'
            '        LinalgVectorNormBackward0\n'
            '          ExpandBackward0\n'
            '            AccumulateGrad\n'
            'tensor([[ 1.3499e-01, -1.0799e-01,  2.6997e-02],\n'
            '        [ 7.0711e+07,  0.0000e+00,  7.0711e+07]]) tensor([-0.1890,  0.3780,  0.1890])\n'
            'tensor(1.0000, grad_fn=<SumBackward1>) tensor([1.0000, 1.0000], dtype=torch.float64)\n'
            'tensor([2.8284, 1.4142], grad_fn=<NormBackward1>)\n'
            'NormBackward1\n'
            '  AddBackward1\n'
            '    SubBackward0\n'
            '      AccumulateGrad\n'
            '      AccumulateGrad\n'
            'tensor([[4.0000],\n'
            '        [2.0000]], grad_fn=<NormBackward1>) tensor(1.7321e-06, grad_fn=<NormBackward1>)\n'
            'CosineSimilarity() PairwiseDistance() tensor([0.7559, 0.0000], grad_fn=<SumBackward1>)\n'
            'RuntimeError expected common dtype to be floating point, yet common dtype is Long\n'
            'RuntimeError The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1\n'  # noqa: E501
        ),
    ),
    # GLU, PReLU (its weight viewed along the channels) and RReLU (a double draw per element not above 0 while
    # training, in element order, as PyTorch's CPU kernel draws), with their layers and refusals.
    "glu_prelu_and_rrelu_as_pytorchs": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F

x = torch.tensor([[-2., -1., 0.5, 3.], [1., -0.5, -3., 2.]], requires_grad=True)
gated = F.glu(x)
print(gated, F.glu(x, 0), nn.GLU(), nn.GLU(dim=0))
gated.sum().backward()
print(x.grad)

x.grad = None
slopes = torch.tensor([0.1, 0.2, 0.3, 0.4], requires_grad=True)
y = F.prelu(x, slopes)
print(y, y.grad_fn.next_functions)
y.sum().backward()
print(x.grad, slopes.grad)
layer = nn.PReLU(num_parameters=2, init=0.1)
print(layer, layer.weight, layer.state_dict())
print(nn.PReLU()(torch.tensor([-4., 4.])), torch.prelu(torch.tensor(-1.), torch.tensor([0.1])))

x.grad = None
print(F.rrelu(x), torch.rrelu(x))
torch.manual_seed(0)
y = F.rrelu(x, training=True)
print(y)
y.sum().backward()
print(x.grad)
noisy = nn.RReLU()
print(noisy, noisy.training, nn.RReLU(0.1, 0.3))
torch.manual_seed(1)
print(noisy(x), noisy.eval()(x))
torch.manual_seed(0)
print(F.rrelu(torch.tensor([-1., -1., 1., -1.]), training=True), torch.rand(1))
z = x.detach().clone().requires_grad_()
print(F.rrelu(z.clone(), inplace=True).grad_fn)

for bad in (lambda: F.glu(torch.ones(2, 3)), lambda: F.prelu(x, torch.tensor([0.1, 0.2, 0.3]))):
    try:
        bad()
    except RuntimeError as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([[-1.2449, -0.9526],\n'
            '        [ 0.0474, -0.4404]], grad_fn=<GluBackward0>) tensor([[-1.4621, -0.3775,  0.0237,  2.6424]], grad_fn=<GluBackward0>) GLU(dim=-1) GLU(dim=0)\n'  # noqa: E501
            'tensor([[ 0.6225,  0.9526, -0.4700, -0.0452],\n'
            '        [ 0.0474,  0.8808,  0.0452, -0.0525]])\n'
            'tensor([[-0.2000, -0.2000,  0.5000,  3.0000],\n'
            '        [ 1.0000, -0.1000, -0.9000,  2.0000]], grad_fn=<PreluKernelBackward0>) ((<AccumulateGrad object at 0x…>, 0), (<ViewBackward0 object at 0x…>, 0))\n'  # noqa: E501
            'tensor([[0.1000, 0.2000, 1.0000, 1.0000],\n'
            '        [1.0000, 0.2000, 0.3000, 1.0000]]) tensor([-2.0000, -1.5000, -3.0000,  0.0000])\n'
            'PReLU(num_parameters=2) Parameter containing:\n'
            "tensor([0.1000, 0.1000], requires_grad=True) OrderedDict([('weight', tensor([0.1000, 0.1000]))])\n"  # noqa: E501
            'tensor([-1.,  4.], grad_fn=<PreluKernelBackward0>) tensor(-0.1000)\n'
            'tensor([[-0.4583, -0.2292,  0.5000,  3.0000],\n'
            '        [ 1.0000, -0.1146, -0.6875,  2.0000]],\n'
            '       grad_fn=<RreluWithNoiseBackward0>) tensor([[-0.4583, -0.2292,  0.5000,  3.0000],\n'
            '        [ 1.0000, -0.1146, -0.6875,  2.0000]],\n'
            '       grad_fn=<RreluWithNoiseBackward0>)\n'
            'tensor([[-0.6542, -0.2725,  0.5000,  3.0000],\n'
            '        [ 1.0000, -0.1104, -0.9505,  2.0000]],\n'
            '       grad_fn=<RreluWithNoiseBackward0>)\n'
            'tensor([[0.3271, 0.2725, 1.0000, 1.0000],\n'
            '        [1.0000, 0.2207, 0.3168, 1.0000]])\n'
            'RReLU(lower=0.125, upper=0.3333333333333333) True RReLU(lower=0.1, upper=0.3)\n'
            'tensor([[-0.2754, -0.1718,  0.5000,  3.0000],\n'
            '        [ 1.0000, -0.0869, -0.4857,  2.0000]],\n'
            '       grad_fn=<RreluWithNoiseBackward0>) tensor([[-0.4583, -0.2292,  0.5000,  3.0000],\n'
            '        [ 1.0000, -0.1146, -0.6875,  2.0000]],\n'
            '       grad_fn=<RreluWithNoiseBackward0>)\n'
            'tensor([-0.3271, -0.2725,  1.0000, -0.2207]) tensor([0.4901])\n'
            '<RreluWithNoiseBackward1 object at 0x…>\n'
            'RuntimeError Halving dimension must be even, but dimension 1 is size 3\n'
            'RuntimeError Mismatch of parameter numbers and input channel size. Found parameter numbers = 3 and channel size = 4.\n'  # noqa: E501
        ),
    ),
    # torch.diagonal and Tensor.diagonal: a view of any diagonal between two dimensions (writing through it
    # changes the matrix), DiagonalBackward0 placing the gradient back, and PyTorch's refusals.
    "diagonal_as_a_view_as_pytorchs": (
        r"""
import torch

a = torch.arange(12.).view(3, 4).requires_grad_()
d = a.diagonal()
print(d, a.diagonal(1), a.diagonal(-2), a.diagonal(5), torch.diagonal(a, 0, 1, 0))
b = torch.arange(24.).view(2, 3, 4)
print(b.diagonal(0, 1, 2), torch.diagonal(b, 1, -1, 0))
c = torch.zeros(3, 3)
c.diagonal().fill_(1)  # a view: the matrix changes
print(c)
a.diagonal(1).sum().backward()
print(a.grad)
for bad in (lambda: torch.ones(3).diagonal(), lambda: a.diagonal(0, 0, 0)):
    try:
        bad()
    except (IndexError, RuntimeError) as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([ 0.,  5., 10.], grad_fn=<DiagonalBackward0>) tensor([ 1.,  6., 11.], grad_fn=<DiagonalBackward0>) tensor([8.], grad_fn=<DiagonalBackward0>) tensor([], grad_fn=<DiagonalBackward0>) tensor([ 0.,  5., 10.], grad_fn=<DiagonalBackward0>)\n'  # noqa: E501
            'tensor([[ 0.,  5., 10.],\n'
            '        [12., 17., 22.]]) tensor([[12.],\n'
            '        [16.],\n'
            '        [20.]])\n'
            'tensor([[1., 0., 0.],\n'
            '        [0., 1., 0.],\n'
            '        [0., 0., 1.]])\n'
            'tensor([[0., 1., 0., 0.],\n'
            '        [0., 0., 1., 0.],\n'
            '        [0., 0., 0., 1.]])\n'
            'IndexError Dimension out of range (expected to be in range of [-1, 0], but got 1)\n'
            'RuntimeError diagonal dimensions cannot be identical 0, 0\n'
        ),
    ),
    # cov and corrcoef built from the operations PyTorch builds them from (one graph node for node), with
    # frequency and importance weights, corrections, the one-variable forms and the refusals.
    "cov_and_corrcoef_as_pytorchs": (
        r"""
import torch


def nodes(t, depth=0):
    # the graph behind t, one node per line (a node reached twice is listed twice)
    lines = []
    for node, _ in ((t.grad_fn, 0),) if depth == 0 else t:
        if node is not None:
            lines.append("  " * depth + type(node).__name__)
            lines += nodes(node.next_functions, depth + 1)
    return lines


x = torch.tensor([[0., 1., 2.], [2., 1., 0.5], [1., 3., 2.]], requires_grad=True)
c = torch.cov(x)
print(c)
print("\n".join(nodes(c)))
c.sum().backward()
print(x.grad)
r = torch.corrcoef(x)
print(r)
print("\n".join(nodes(r)))
print(torch.cov(x, correction=0), x.cov(correction=2))
print(torch.cov(torch.tensor([1., 2., 4.])), torch.corrcoef(torch.tensor([1., 2., 4.])))
print(torch.cov(torch.tensor([[1, 2, 4], [0, 1, 1]])), torch.cov(torch.tensor([[1, 2, 4]]).T))
fw = torch.tensor([1, 2, 1])
aw = torch.tensor([0.5, 1., 3.])
print(torch.cov(x, fweights=fw), torch.cov(x, aweights=aw), torch.cov(x, fweights=fw, aweights=aw))
print(torch.cov(torch.tensor([1., 2.]), correction=2), torch.cov(torch.tensor([[5.]])))
print(torch.corrcoef(torch.tensor([[1., 1., 1.], [1., 2., 3.]])))
for bad in (lambda: torch.cov(torch.ones(2, 2, 2)), lambda: torch.corrcoef(torch.ones(1, 2, 2)),
            lambda: torch.cov(x, fweights=torch.tensor([1., 2., 3.])),
            lambda: torch.cov(x, fweights=torch.tensor([1, 2])),
            lambda: torch.cov(x, fweights=torch.tensor([[1, 2, 3]])),
            lambda: torch.cov(x, fweights=torch.tensor([1, -2, 3])),
            lambda: torch.cov(x, aweights=torch.tensor([1, 2, 3])),
            lambda: torch.cov(x, aweights=torch.tensor([1., -2., 3.])),
            lambda: torch.cov(x, aweights=torch.tensor([0., 0., 0.]))):
    try:
        print(bad())
    except Exception as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([[ 1.0000, -0.7500,  0.5000],\n'
            '        [-0.7500,  0.5833, -0.5000],\n'
            '        [ 0.5000, -0.5000,  1.0000]], grad_fn=<SqueezeBackward0>)\n'
            'SqueezeBackward0\n'
            '  DivBackward0\n'
            '    MmBackward0\n'
            '      SubBackward0\n'
            '        AccumulateGrad\n'
            '        UnsqueezeBackward0\n'
            '          DivBackward0\n'
            '            SumBackward1\n'
            '              AccumulateGrad\n'
            '      TBackward0\n'
            '        SubBackward0\n'
            '          AccumulateGrad\n'
            '          UnsqueezeBackward0\n'
            '            DivBackward0\n'
            '              SumBackward1\n'
            '                AccumulateGrad\n'
            'tensor([[-1.1667,  0.8333,  0.3333],\n'
            '        [-1.1667,  0.8333,  0.3333],\n'
            '        [-1.1667,  0.8333,  0.3333]])\n'
            'tensor([[ 1.0000, -0.9820,  0.5000],\n'
            '        [-0.9820,  1.0000, -0.6547],\n'
            '        [ 0.5000, -0.6547,  1.0000]], grad_fn=<ClampBackward1>)\n'
            'ClampBackward1\n'
            '  DivBackward0\n'
            '    DivBackward0\n'
            '      SqueezeBackward0\n'
            '        DivBackward0\n'
            '          MmBackward0\n'
            '            SubBackward0\n'
            '              AccumulateGrad\n'
            '              UnsqueezeBackward0\n'
            '                DivBackward0\n'
            '                  SumBackward1\n'
            '                    AccumulateGrad\n'
            '            TBackward0\n'
            '              SubBackward0\n'
            '                AccumulateGrad\n'
            '                UnsqueezeBackward0\n'
            '                  DivBackward0\n'
            '                    SumBackward1\n'
            '                      AccumulateGrad\n'
            '      ViewBackward0\n'
            '        SqrtBackward0\n'
            '          DiagonalBackward0\n'
            '            SqueezeBackward0\n'
            '              DivBackward0\n'
            '                MmBackward0\n'
            '                  SubBackward0\n'
            '                    AccumulateGrad\n'
            '                    UnsqueezeBackward0\n'
            '                      DivBackward0\n'
            '                        SumBackward1\n'
            '                          AccumulateGrad\n'
            '                  TBackward0\n'
            '                    SubBackward0\n'
            '                      AccumulateGrad\n'
            '                      UnsqueezeBackward0\n'
            '                        DivBackward0\n'
            '                          SumBackward1\n'
            '                            AccumulateGrad\n'
            '    ViewBackward0\n'
            '      SqrtBackward0\n'
            '        DiagonalBackward0\n'
            '          SqueezeBackward0\n'
            '            DivBackward0\n'
            '              MmBackward0\n'
            '                SubBackward0\n'
            '                  AccumulateGrad\n'
            '                  UnsqueezeBackward0\n'
            '                    DivBackward0\n'
            '                      SumBackward1\n'
            '                        AccumulateGrad\n'
            '                TBackward0\n'
            '                  SubBackward0\n'
            '                    AccumulateGrad\n'
            '                    UnsqueezeBackward0\n'
            '                      DivBackward0\n'
            '                        SumBackward1\n'
            '                          AccumulateGrad\n'
            'tensor([[ 0.6667, -0.5000,  0.3333],\n'
            '        [-0.5000,  0.3889, -0.3333],\n'
            '        [ 0.3333, -0.3333,  0.6667]], grad_fn=<SqueezeBackward0>) tensor([[ 2.0000, -1.5000,  1.0000],\n'  # noqa: E501
            '        [-1.5000,  1.1667, -1.0000],\n'
            '        [ 1.0000, -1.0000,  2.0000]], grad_fn=<SqueezeBackward0>)\n'
            'tensor(2.3333) tensor(1.)\n'
            'tensor([[2.3333, 0.6667],\n'
            '        [0.6667, 0.3333]]) tensor([[nan, nan, nan],\n'
            '        [nan, nan, nan],\n'
            '        [nan, nan, nan]])\n'
            'tensor([[ 0.6667, -0.5000,  0.3333],\n'
            '        [-0.5000,  0.3958, -0.3750],\n'
            '        [ 0.3333, -0.3750,  0.9167]], grad_fn=<SqueezeBackward0>) tensor([[ 0.9500, -0.6500,  0.1000],\n'  # noqa: E501
            '        [-0.6500,  0.4625, -0.1750],\n'
            '        [ 0.1000, -0.1750,  0.6500]], grad_fn=<SqueezeBackward0>) tensor([[ 0.6842, -0.4474, -0.0526],\n'  # noqa: E501
            '        [-0.4474,  0.3092, -0.0658],\n'
            '        [-0.0526, -0.0658,  0.6053]], grad_fn=<SqueezeBackward0>)\n'
            'tensor(inf) tensor(nan)\n'
            'tensor([[nan, nan],\n'
            '        [nan, 1.]])\n'
            'RuntimeError cov(): expected input to have two or fewer dimensions but got an input with 3 dimensions\n'  # noqa: E501
            'RuntimeError corrcoef(): expected input to have two or fewer dimensions but got an input with 3 dimensions\n'  # noqa: E501
            'RuntimeError cov(): expected fweights to have integral dtype but got fweights with Float dtype\n'
            'RuntimeError cov(): expected fweights to have the same numel as there are observations in the input but got 2 != 3\n'  # noqa: E501
            'RuntimeError cov(): expected fweights to have one or fewer dimensions but got fweights with 2 dimensions\n'  # noqa: E501
            'RuntimeError cov(): fweights cannot be negative\n'
            'RuntimeError cov(): expected aweights to have floating point dtype but got aweights with Long dtype\n'  # noqa: E501
            'RuntimeError cov(): aweights cannot be negative\n'
            "RuntimeError cov(): weights sum to zero, can't be normalized\n"
        ),
    ),
    # get_rng_state/set_rng_state and Generator.get_state/set_state: PyTorch's 5,056-byte layout (seed,
    # twister words and position, the cached normal), replaying the same draws; torch.random.fork_rng; the
    # refusals.
    "rng_state_round_trips_as_pytorchs": (
        r"""
import torch

torch.manual_seed(5)
state = torch.get_rng_state()
print(state, state.shape, state[:24])
first = torch.rand(3)
print(torch.get_rng_state()[8:24])
torch.set_rng_state(state)
print(torch.equal(first, torch.rand(3)), torch.initial_seed())

torch.manual_seed(0)
torch.randn(1)  # leaves the second normal of the pair cached: the state carries it
saved = torch.get_rng_state()
print(saved[5016:5048])
print(torch.randn(2))
torch.set_rng_state(saved)
print(torch.randn(2))

g = torch.Generator().manual_seed(7)
before = g.get_state()
print(torch.rand(2, generator=g), torch.rand(2, generator=g.set_state(before)))
with torch.random.fork_rng():
    torch.rand(100)
print(torch.rand(1), torch.random.initial_seed())

for bad in (lambda: torch.set_rng_state(state.float()), lambda: torch.set_rng_state(state[:100])):
    try:
        bad()
    except (TypeError, RuntimeError) as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([5, 0, 0,  ..., 0, 0, 0], dtype=torch.uint8) torch.Size([5056]) tensor([5, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],\n'  # noqa: E501
            '       dtype=torch.uint8)\n'
            'tensor([110,   2,   0,   0,   1,   0,   0,   0,   3,   0,   0,   0,   0,   0,\n'
            '          0,   0], dtype=torch.uint8)\n'
            'True 5\n'
            'tensor([  0,   0,   0,   0,   0,   0,   0,   0, 234, 111, 124,   8, 138, 199,\n'
            '        210, 191,   0,   0,   0,   0,   0,   0,   0,   0,   1,   0,   0,   0,\n'
            '          0,   0,   0,   0], dtype=torch.uint8)\n'
            'tensor([-0.2934, -2.1788])\n'
            'tensor([-0.2934, -2.1788])\n'
            'tensor([0.5349, 0.1988]) tensor([0.5349, 0.1988])\n'
            'tensor([0.4556]) 0\n'
            'TypeError RNG state must be a torch.ByteTensor\n'
            'RuntimeError Expected a CPUGeneratorImplState of size 5056 but found the input RNG state size to be 100\n'  # noqa: E501
        ),
    ),
    # finfo and iinfo (their reprs, fields and refusals), result_type, can_cast, is_signed, is_complex,
    # is_nonzero, is_same_size, scalar_tensor and torch.detach.
    "finfo_iinfo_and_type_questions_as_pytorchs": (
        r"""
import torch

print(torch.finfo(torch.float32))
print(torch.finfo())
print(torch.finfo(torch.float64))
print(torch.finfo(torch.float16))
f = torch.finfo(torch.float32)
print(f.eps, f.max, f.min, f.tiny, f.smallest_normal, f.resolution, f.bits, f.dtype)
print(torch.iinfo(torch.int64), torch.iinfo(torch.int8), torch.iinfo(torch.uint8))
print(torch.iinfo(torch.int32).max, torch.iinfo(torch.int16).bits, torch.iinfo(torch.int64).dtype)
ints, one = torch.tensor([1, 2]), torch.tensor(1.)
print(torch.result_type(ints, 1.0), torch.result_type(one, ints))
print(torch.can_cast(torch.float32, torch.int32), torch.can_cast(torch.int32, torch.float32))
print(ints.is_signed(), ints.byte().is_signed(), ints.bool().is_signed())
print(one.is_complex(), torch.is_complex(one), torch.is_nonzero(torch.tensor([1.])))
print(torch.is_same_size(torch.ones(2), torch.zeros(2)), torch.ones(2).is_same_size(torch.ones(3)))
print(torch.scalar_tensor(3), torch.scalar_tensor(3, dtype=torch.int64))
print(torch.detach(torch.ones(1, requires_grad=True)))
checks = (
    lambda: torch.iinfo(torch.float32),
    lambda: torch.finfo(torch.int64),
    lambda: torch.iinfo(torch.bool),
    lambda: torch.finfo("x"),
    lambda: torch.is_nonzero(torch.tensor([1., 2.])),
    lambda: torch.is_nonzero(torch.tensor([])),
)
for bad in checks:
    try:
        print(bad())
    except (TypeError, RuntimeError) as error:
        print(type(error).__name__, error)
""",
        (
            'finfo(resolution=1e-06, min=-3.40282e+38, max=3.40282e+38, eps=1.19209e-07, smallest_normal=1.17549e-38, tiny=1.17549e-38, dtype=float32)\n'  # noqa: E501
            'finfo(resolution=1e-06, min=-3.40282e+38, max=3.40282e+38, eps=1.19209e-07, smallest_normal=1.17549e-38, tiny=1.17549e-38, dtype=float32)\n'  # noqa: E501
            'finfo(resolution=1e-15, min=-1.79769e+308, max=1.79769e+308, eps=2.22045e-16, smallest_normal=2.22507e-308, tiny=2.22507e-308, dtype=float64)\n'  # noqa: E501
            'finfo(resolution=0.001, min=-65504, max=65504, eps=0.000976562, smallest_normal=6.10352e-05, tiny=6.10352e-05, dtype=float16)\n'  # noqa: E501
            '1.1920928955078125e-07 3.4028234663852886e+38 -3.4028234663852886e+38 1.1754943508222875e-38 1.1754943508222875e-38 1e-06 32 float32\n'  # noqa: E501
            'iinfo(min=-9.22337e+18, max=9.22337e+18, dtype=int64) iinfo(min=-128, max=127, dtype=int8) iinfo(min=0, max=255, dtype=uint8)\n'  # noqa: E501
            '2147483647 16 int64\n'
            'torch.float32 torch.float32\n'
            'False True\n'
            'True False False\n'
            'False False True\n'
            'True False\n'
            'tensor(3.) tensor(3)\n'
            'tensor([1.])\n'
            "TypeError torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'\n"  # noqa: E501
            "TypeError torch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'\n"  # noqa: E501
            'TypeError torch.bool is not supported by torch.iinfo\n'
            "TypeError finfo(): argument 'type' (position 1) must be torch.dtype, not str\n"
            'RuntimeError Boolean value of Tensor with more than one value is ambiguous\n'
            'RuntimeError Boolean value of Tensor with no values is ambiguous\n'
        ),
    ),
    # isinf, isfinite, isposinf, isneginf and signbit (bools, no graph; -0.0 has its sign bit), nan_to_num
    # with its dtype's limits and NanToNumBackward0 (no gradient where it replaced), logical_not and
    # bitwise_not.
    "float_checks_and_nan_to_num": (
        r"""
import torch
inf, nan = float("inf"), float("nan")
x = torch.tensor([1.0, -inf, inf, nan, -0.0, 3e38])
print(torch.isinf(x), x.isfinite())
print(torch.isposinf(x), x.isneginf(), torch.signbit(x))
n = torch.tensor([3, -2, 0])
print(torch.isinf(n), torch.isfinite(n), n.isposinf(), torch.signbit(n), n.signbit().dtype)
print(torch.isfinite(torch.tensor([True])), torch.isnan(torch.tensor([])))
print(torch.nan_to_num(x))
print(x.nan_to_num(nan=0.5, posinf=1.0, neginf=-1.0))
print(torch.nan_to_num(x.double(), 2.0), torch.nan_to_num(n))
print(torch.nan_to_num(x.half()))
w = x.clone().requires_grad_()
y = torch.nan_to_num(w, nan=1.0, posinf=9.0)
print(y)
y.sum().backward()
print(w.grad)
z = x.clone()
print(z.nan_to_num_(), torch.nan_to_num_(torch.tensor([nan, 2.0])))
print(torch.logical_not(torch.tensor([0.0, 2.0, nan])), n.logical_not())
m = torch.tensor([0.0, 2.0])
print(m.logical_not_(), m)
print(torch.logical_not(n, out=torch.empty(3)))
print(torch.bitwise_not(n), torch.tensor([True, False]).bitwise_not(), ~torch.tensor([5]))
k = torch.tensor([7, 0])
print(k.bitwise_not_(), k)
try:
    torch.bitwise_not(x)
except NotImplementedError as error:
    print(type(error).__name__, error)
try:
    w.nan_to_num_()
except RuntimeError as error:
    print(type(error).__name__, error)
""",
        (
            'tensor([False,  True,  True, False, False, False]) tensor([ True, False, False, False,  True,  True])\n'  # noqa: E501
            'tensor([False, False,  True, False, False, False]) tensor([False,  True, False, False, False, False]) tensor([False,  True, False, False,  True, False])\n'  # noqa: E501
            'tensor([False, False, False]) tensor([True, True, True]) tensor([False, False, False]) tensor([False,  True, False]) torch.bool\n'  # noqa: E501
            'tensor([True]) tensor([], dtype=torch.bool)\n'
            'tensor([ 1.0000e+00, -3.4028e+38,  3.4028e+38,  0.0000e+00, -0.0000e+00,\n'
            '         3.0000e+38])\n'
            'tensor([ 1.0000e+00, -1.0000e+00,  1.0000e+00,  5.0000e-01, -0.0000e+00,\n'
            '         3.0000e+38])\n'
            'tensor([  1.0000e+00, -1.7977e+308,  1.7977e+308,   2.0000e+00,  -0.0000e+00,\n'
            '          3.0000e+38], dtype=torch.float64) tensor([ 3, -2,  0])\n'
            'tensor([ 1.0000e+00, -6.5504e+04,  6.5504e+04,  0.0000e+00, -0.0000e+00,\n'
            '         6.5504e+04], dtype=torch.float16)\n'
            'tensor([ 1.0000e+00, -3.4028e+38,  9.0000e+00,  1.0000e+00, -0.0000e+00,\n'
            '         3.0000e+38], grad_fn=<NanToNumBackward0>)\n'
            'tensor([1., 0., 0., 0., 1., 1.])\n'
            'tensor([ 1.0000e+00, -3.4028e+38,  3.4028e+38,  0.0000e+00, -0.0000e+00,\n'
            '         3.0000e+38]) tensor([0., 2.])\n'
            'tensor([ True, False, False]) tensor([False, False,  True])\n'
            'tensor([1., 0.]) tensor([1., 0.])\n'
            'tensor([0., 0., 1.])\n'
            'tensor([-4,  1, -1]) tensor([False,  True]) tensor([-6])\n'
            'tensor([-8, -1]) tensor([-8, -1])\n'
            'NotImplementedError "bitwise_not_cpu" not implemented for \'Float\'\n'
            'RuntimeError a leaf Variable that requires grad is being used in an in-place operation.\n'
        ),
    ),
    # clamp_min/clamp_max by a number or a tensor (ClampMin/MaxBackward0/1: a tie passes the gradient to the
    # input, a NaN passes none), reciprocal's own node (1 / x is a product), Tensor.where and threshold.
    "clamp_min_max_reciprocal_where_and_threshold": (
        r"""
import torch
import torch.nn.functional as F
nan = float("nan")
x = torch.tensor([-1.0, 0.0, 1.0, 2.0, nan], requires_grad=True)
low = torch.tensor([1.0, 0.0, 1.0, 3.0, 0.0], requires_grad=True)
for y in (torch.clamp_min(x, 1.0), x.clamp_max(1.0), torch.clamp_min(x, low), x.clamp_max(low)):
    y.sum().backward()
    print(y, x.grad, low.grad)
    x.grad, low.grad = None, None
ints = torch.tensor([1, 5])
print(ints.clamp_min(2), torch.clamp_max(ints, 2.5))
print(torch.clamp_min(torch.tensor(3.0), torch.tensor([1.0, 4.0])))
c = torch.tensor([1.0, 5.0])
print(c.clamp_min_(2))
print(torch.clamp_max_(c, 3), c.clip_(2.5, 2.8) is c)
for bad in (lambda: ints.clamp_min_(2.5), lambda: ints.clamp_(0.5), lambda: torch.clamp_min(x, None)):
    try:
        bad()
    except (RuntimeError, TypeError) as error:
        print(type(error).__name__, error)
r = torch.reciprocal(x)
r.sum().backward()
print(r, x.grad)
print(x.reciprocal(), 1 / x, torch.reciprocal(ints))
q = torch.tensor([2.0, 4.0])
print(q.reciprocal_())
print(torch.reciprocal_(q))
mask = torch.tensor([True, False, True, False, True])
print(x.where(mask, low), x.where(mask, 0), ints.where(ints > 2, 2.5))
for cond in (x, ints):
    try:
        torch.where(cond, 1.0, 0.0)
    except RuntimeError as error:
        print(type(error).__name__, error)
print(torch.where(torch.tensor([[True, False], [False, True]])))
x.grad = None
t = torch.threshold(x, 0.5, -1.0)
t.sum().backward()
print(t, x.grad)
print(F.threshold(ints, 1, 7), torch.threshold_(torch.tensor([0.2, 0.9]), 0.5, 0.0))
f = torch.tensor([0.2, 0.9])
print(F.threshold(f, 0.5, 9.0, inplace=True), f)
print(F.threshold_(f, 5.0, 1.0), f)
""",
        (
            'tensor([1., 1., 1., 2., nan], grad_fn=<ClampMinBackward0>) tensor([0., 0., 1., 1., 0.]) None\n'
            'tensor([-1.,  0.,  1.,  1., nan], grad_fn=<ClampMaxBackward0>) tensor([1., 1., 1., 0., 0.]) None\n'  # noqa: E501
            'tensor([1., 0., 1., 3., nan], grad_fn=<ClampMinBackward1>) tensor([0., 1., 1., 0., 0.]) tensor([1., 0., 0., 1., 0.])\n'  # noqa: E501
            'tensor([-1.,  0.,  1.,  2., nan], grad_fn=<ClampMaxBackward1>) tensor([1., 1., 1., 1., 0.]) tensor([0., 0., 0., 0., 0.])\n'  # noqa: E501
            'tensor([2, 5]) tensor([1.0000, 2.5000])\n'
            'tensor([3., 4.])\n'
            'tensor([2., 5.])\n'
            'tensor([2.5000, 2.8000]) True\n'
            "RuntimeError result type Float can't be cast to the desired output type long int\n"
            "RuntimeError result type Float can't be cast to the desired output type long int\n"
            'TypeError clamp_min() received an invalid combination of arguments - got (Tensor, NoneType), but expected one of:\n'  # noqa: E501
            ' * (Tensor input, Tensor min, *, Tensor out = None)\n'
            ' * (Tensor input, Number min, *, Tensor out = None)\n'
            '\n'
            'tensor([-1.0000,     inf,  1.0000,  0.5000,     nan],\n'
            '       grad_fn=<ReciprocalBackward0>) tensor([-1.0000,    -inf, -1.0000, -0.2500,     nan])\n'
            'tensor([-1.0000,     inf,  1.0000,  0.5000,     nan],\n'
            '       grad_fn=<ReciprocalBackward0>) tensor([-1.0000,     inf,  1.0000,  0.5000,     nan], grad_fn=<MulBackward0>) tensor([1.0000, 0.2000])\n'  # noqa: E501
            'tensor([0.5000, 0.2500])\n'
            'tensor([2., 4.])\n'
            'tensor([-1.,  0.,  1.,  3., nan], grad_fn=<WhereBackward0>) tensor([-1.,  0.,  1.,  0., nan], grad_fn=<WhereBackward0>) tensor([2.5000, 5.0000])\n'  # noqa: E501
            'RuntimeError where expected condition to be a boolean tensor, but got a tensor with dtype Float\n'  # noqa: E501
            'RuntimeError where expected condition to be a boolean tensor, but got a tensor with dtype Long\n'
            '(tensor([0, 1]), tensor([0, 1]))\n'
            'tensor([-1., -1.,  1.,  2., nan], grad_fn=<ThresholdBackward0>) tensor([0., 0., 1., 1., 1.])\n'
            'tensor([7, 5]) tensor([0.0000, 0.9000])\n'
            'tensor([9.0000, 0.9000]) tensor([9.0000, 0.9000])\n'
            'tensor([9., 1.]) tensor([9., 1.])\n'
        ),
    ),
    # addcmul and addcdiv with value= (integer results take int(value); integer quotients are refused), lerp
    # by a number (LerpBackward0) or a tensor (LerpBackward1, 0-d weights of any dtype), from the nearer end.
    "addcmul_addcdiv_and_lerp": (
        r"""
import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 6.0], requires_grad=True)
c = torch.tensor([0.0, 0.75], requires_grad=True)
for y in (torch.addcmul(a, b, c, value=0.5), a.addcdiv(b, c, value=0.5)):
    y.sum().backward()
    print(y, a.grad, b.grad, c.grad)
    a.grad, b.grad, c.grad = None, None, None
ints = torch.tensor([1, 2])
print(torch.addcmul(ints, ints, ints, value=2), torch.addcmul(ints, ints, ints, value=0.5))
print(torch.addcmul(torch.tensor(1.0), ints, ints.view(2, 1)), torch.addcdiv(ints, b, ints))
s = torch.tensor([1.0, 2.0])
print(s.addcmul_(s, s), s.addcdiv_(s, torch.tensor([2.0, 4.0]), value=-1))
for bad in (lambda: torch.addcdiv(s, ints, ints), lambda: torch.addcmul(s, 2.0, s),
            lambda: torch.tensor(1.0).addcmul_(s, s), lambda: torch.addcmul(s, s, torch.ones(3))):
    try:
        bad()
    except (RuntimeError, TypeError) as error:
        print(type(error).__name__, str(error)[:100])
w = torch.tensor([0.25, 0.75], requires_grad=True)
for y in (torch.lerp(a, b, 0.25), a.lerp(b, w)):
    y.sum().backward()
    print(y, a.grad, b.grad, w.grad)
    a.grad, b.grad, w.grad = None, None, None
print(torch.lerp(torch.tensor([1.0, 1e8]), torch.tensor([3.0, 1.0]), 0.7))
print(torch.lerp(torch.tensor(1.0), s, torch.tensor([[0.5], [1.0]])))
half = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
y = torch.lerp(a, b, half)
y.sum().backward()
print(y, half.grad)
print(s.lerp_(torch.zeros(2), 0.5), s)
for bad in (lambda: torch.lerp(s, s.double(), 0.5), lambda: torch.lerp(ints, ints, 0.5),
            lambda: torch.lerp(s, s, ints), lambda: torch.lerp(s, 2.0, 0.5)):
    try:
        bad()
    except (RuntimeError, TypeError, NotImplementedError) as error:
        print(type(error).__name__, str(error)[:100])
""",
        (
            'tensor([1.0000, 4.2500], grad_fn=<AddcmulBackward0>) tensor([1., 1.]) tensor([0.0000, 0.3750]) tensor([1.5000, 3.0000])\n'  # noqa: E501
            'tensor([inf, 6.], grad_fn=<AddcdivBackward0>) tensor([1., 1.]) tensor([   inf, 0.6667]) tensor([   -inf, -5.3333])\n'  # noqa: E501
            'tensor([ 3, 10]) tensor([1, 2])\n'
            'tensor([[2., 3.],\n'
            '        [3., 5.]]) tensor([4., 5.], grad_fn=<AddcdivBackward0>)\n'
            'tensor([1.0000, 4.5000]) tensor([1.0000, 4.5000])\n'
            'RuntimeError Integer division with addcdiv is no longer supported, and in a future  release addcdiv will perform \n'  # noqa: E501
            "TypeError addcmul(): argument 'tensor1' (position 2) must be Tensor, not float\n"
            "RuntimeError output with shape [] doesn't match the broadcast shape [2]\n"
            'RuntimeError The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0\n'  # noqa: E501
            'tensor([1.5000, 3.0000], grad_fn=<LerpBackward0>) tensor([0.7500, 0.7500]) tensor([0.2500, 0.2500]) None\n'  # noqa: E501
            'tensor([1.5000, 5.0000], grad_fn=<LerpBackward1>) tensor([0.7500, 0.2500]) tensor([0.2500, 0.7500]) tensor([2., 4.])\n'  # noqa: E501
            'tensor([2.4000e+00, 3.0000e+07])\n'
            'tensor([[1.0000, 2.7500],\n'
            '        [1.0000, 4.5000]])\n'
            'tensor([2., 4.], grad_fn=<LerpBackward1>) tensor(6., dtype=torch.float64)\n'
            'tensor([0.5000, 2.2500]) tensor([0.5000, 2.2500])\n'
            'RuntimeError expected dtype float for `end` but got dtype double\n'
            'NotImplementedError "lerp_kernel_scalar" not implemented for \'Long\'\n'
            'RuntimeError expected dtype float for `weight` but got dtype long int\n'
            'TypeError lerp() received an invalid combination of arguments - got (Tensor, float, float), but expected one o\n'  # noqa: E501
        ),
    ),
    # hypot, logaddexp, logaddexp2, xlogy (XlogyBackward0/1/2 by where the number is) and copysign
    # (CopysignBackward0: the sign's gradient is zeros) at zeros, infinities and NaNs, with PyTorch's
    # gradients there and its refusals.
    "hypot_logaddexp_xlogy_and_copysign": (
        r"""
import torch
inf, nan = float("inf"), float("nan")
a = torch.tensor([0.0, 0.0, 3.0, -3.0, inf, nan, 1.0], requires_grad=True)
b = torch.tensor([0.0, 2.0, 4.0, 0.0, 1.0, 1.0, -0.0], requires_grad=True)
for y in (torch.hypot(a, b), a.logaddexp(b), torch.logaddexp2(a, b), torch.xlogy(a, b), a.copysign(b)):
    y.sum().backward()
    print(y)
    print(a.grad, b.grad)
    a.grad, b.grad = None, None
ends = torch.tensor([inf, -inf, inf, -inf])
print(torch.logaddexp(ends, torch.tensor([inf, -inf, -inf, 1.0])))
for y in (torch.xlogy(a, 0.0), torch.xlogy(2, b), a.copysign(-1)):
    y.sum().backward()
    print(y, a.grad, b.grad)
    a.grad, b.grad = None, None
ints = torch.tensor([1, 2])
print(torch.xlogy(ints, ints), torch.copysign(ints, -1), torch.hypot(ints.float(), ints.double()))
x = torch.tensor([3.0, 5.0])
print(x.hypot_(torch.tensor([4.0, 12.0])))
print(x.xlogy_(2))
print(torch.xlogy_(x, x), x.copysign_(-2.0))
for bad in (lambda: torch.hypot(ints, ints), lambda: torch.hypot(x, 2), lambda: x.logaddexp(1.0),
            lambda: torch.xlogy(2, 3), lambda: torch.copysign(2, x), lambda: ints.xlogy_(2)):
    try:
        bad()
    except (RuntimeError, TypeError, NotImplementedError) as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([0., 2., 5., 3., inf, nan, 1.], grad_fn=<HypotBackward0>)\n'
            'tensor([    nan,  0.0000,  0.6000, -1.0000,     nan,     nan,  1.0000]) tensor([   nan, 1.0000, 0.8000, 0.0000, 0.0000,    nan, -0.0000])\n'  # noqa: E501
            'tensor([0.6931, 2.1269, 4.3133, 0.0486,    inf,    nan, 1.3133],\n'
            '       grad_fn=<LogaddexpBackward0>)\n'
            'tensor([0.5000, 0.1192, 0.2689, 0.0474, 1.0000,    nan, 0.7311]) tensor([0.5000, 0.8808, 0.7311, 0.9526, 0.0000,    nan, 0.2689])\n'  # noqa: E501
            'tensor([1.0000, 2.3219, 4.5850, 0.1699,    inf,    nan, 1.5850],\n'
            '       grad_fn=<Logaddexp2Backward0>)\n'
            'tensor([0.5000, 0.2000, 0.3333, 0.1111, 1.0000,    nan, 0.6667]) tensor([0.5000, 0.8000, 0.6667, 0.8889, 0.0000,    nan, 0.3333])\n'  # noqa: E501
            'tensor([0.0000, 0.0000, 4.1589,    inf,    nan,    nan,   -inf],\n'
            '       grad_fn=<XlogyBackward0>)\n'
            'tensor([0.0000, 0.6931, 1.3863,   -inf, 0.0000, 0.0000,   -inf]) tensor([   nan, 0.0000, 0.7500,   -inf,    inf,    nan,   -inf])\n'  # noqa: E501
            'tensor([ 0.,  0.,  3.,  3., inf, nan, -1.], grad_fn=<CopysignBackward0>)\n'
            'tensor([ 0.,  0.,  1., -1., nan, nan, -1.]) tensor([0., 0., 0., 0., 0., 0., 0.])\n'
            'tensor([inf, -inf, inf, 1.])\n'
            'tensor([0., 0., -inf, inf, -inf, nan, -inf], grad_fn=<XlogyBackward2>) tensor([0., 0., -inf, -inf, -inf, -inf, -inf]) None\n'  # noqa: E501
            'tensor([  -inf, 1.3863, 2.7726,   -inf, 0.0000, 0.0000,   -inf],\n'
            '       grad_fn=<XlogyBackward1>) None tensor([   inf, 1.0000, 0.5000,    inf, 2.0000, 2.0000,   -inf])\n'  # noqa: E501
            'tensor([-0., -0., -3., -3., -inf, nan, -1.], grad_fn=<CopysignBackward1>) tensor([ 0.,  0., -1.,  1., nan, nan, -1.]) None\n'  # noqa: E501
            'tensor([0.0000, 1.3863]) tensor([-1., -2.]) tensor([1.4142, 2.8284], dtype=torch.float64)\n'
            'tensor([ 5., 13.])\n'
            'tensor([3.4657, 9.0109])\n'
            'tensor([ -4.3077, -19.8099]) tensor([ -4.3077, -19.8099])\n'
            'NotImplementedError "hypot_cpu" not implemented for \'Long\'\n'
            "TypeError hypot(): argument 'other' (position 2) must be Tensor, not int\n"
            "TypeError logaddexp(): argument 'other' (position 1) must be Tensor, not float\n"
            'TypeError xlogy() received an invalid combination of arguments - got (int, int), but expected one of:\n'  # noqa: E501
            ' * (Tensor input, Tensor other, *, Tensor out = None)\n'
            ' * (Number self, Tensor other, *, Tensor out = None)\n'
            ' * (Tensor input, Number other, *, Tensor out = None)\n'
            '\n'
            'TypeError copysign() received an invalid combination of arguments - got (int, Tensor), but expected one of:\n'  # noqa: E501
            ' * (Tensor input, Tensor other, *, Tensor out = None)\n'
            ' * (Tensor input, Number other, *, Tensor out = None)\n'
            '\n'
            "RuntimeError result type Float can't be cast to the desired output type Long\n"
        ),
    ),
    # fmax/fmin skip NaNs (the gradient goes to the pick; maximum's goes to both at a NaN), float_power in
    # float64 through ToCopyBackward0, ldexp (an integer 2ⁿ is 0 for n < 0 in its backward), nextafter and
    # frexp.
    "fmax_fmin_float_power_ldexp_nextafter_frexp": (
        r"""
import torch
nan = float("nan")
a = torch.tensor([nan, 1.0, nan, 2.0, 0.5], requires_grad=True)
b = torch.tensor([1.0, nan, nan, 2.0, -3.0], requires_grad=True)
for y in (torch.fmax(a, b), a.fmin(b), torch.maximum(a, b)):
    y.sum().backward()
    print(y, a.grad, b.grad)
    a.grad, b.grad = None, None
ints = torch.tensor([4, -6])
print(torch.fmax(ints, torch.tensor([True, False])), torch.fmin(ints, ints.double()))
x = torch.tensor([0.0, 2.0, -1.0], requires_grad=True)
e = torch.tensor([0.5, 2.0, 3.0], requires_grad=True)
for y in (torch.float_power(x, 2), x.float_power(e), torch.float_power(2, x)):
    y.sum().backward()
    print(y, y.grad_fn.next_functions)
    print(x.grad, e.grad)
    x.grad, e.grad = None, None
print(torch.float_power(ints, -1), torch.float_power(ints, ints).dtype)
d = torch.tensor([2.0], dtype=torch.float64)
print(d.float_power_(3))
for bad in (lambda: torch.tensor([2.0]).float_power_(2), lambda: torch.float_power(2, 3)):
    try:
        bad()
    except (RuntimeError, TypeError) as error:
        print(type(error).__name__, str(error).splitlines()[0])
m = torch.tensor([1.0, -2.0, 3.0, 5.0], requires_grad=True)
y = torch.ldexp(m, torch.tensor([-1, -2, 0, 3]))
y.sum().backward()
print(y, m.grad)
y = m.ldexp(e.new_ones(4) * 0.5)
print(y, torch.ldexp(ints, ints))
n = torch.nextafter(m, torch.tensor([2.0, -3.0, 3.0, 0.0]))
n.sum().backward()
print(n, m.grad)
d64 = torch.tensor([0.0, 1.0], dtype=torch.float64)
print(torch.nextafter(d64, d64 + 1))
f = torch.frexp(torch.tensor([0.0, 1.0, -3.0, 10.0, float("inf"), -0.0, 1e-40]))
print(f)
mantissa, exponent = torch.frexp(m)
mantissa.sum().backward()
print(mantissa, exponent, m.grad)
try:
    torch.frexp(ints)
except RuntimeError as error:
    print(type(error).__name__, error)
""",
        (
            'tensor([1.0000, 1.0000,    nan, 2.0000, 0.5000], grad_fn=<FmaxBackward0>) tensor([0., 1., 1., 1., 1.]) tensor([1., 0., 0., 0., 0.])\n'  # noqa: E501
            'tensor([ 1.,  1., nan,  2., -3.], grad_fn=<FminBackward0>) tensor([0., 1., 1., 1., 0.]) tensor([1., 0., 0., 0., 1.])\n'  # noqa: E501
            'tensor([   nan,    nan,    nan, 2.0000, 0.5000], grad_fn=<MaximumBackward0>) tensor([1.0000, 1.0000, 1.0000, 0.5000, 1.0000]) tensor([1.0000, 1.0000, 1.0000, 0.5000, 0.0000])\n'  # noqa: E501
            'tensor([4, 0]) tensor([ 4., -6.], dtype=torch.float64)\n'
            'tensor([0., 4., 1.], dtype=torch.float64, grad_fn=<PowBackward0>) ((<ToCopyBackward0 object at 0x…>, 0),)\n'  # noqa: E501
            'tensor([ 0.,  4., -2.]) None\n'
            'tensor([ 0.,  4., -1.], dtype=torch.float64, grad_fn=<PowBackward1>) ((<ToCopyBackward0 object at 0x…>, 0), (<ToCopyBackward0 object at 0x…>, 0))\n'  # noqa: E501
            'tensor([inf, 4., 3.]) tensor([0.0000, 2.7726,    nan])\n'
            'tensor([1.0000, 4.0000, 0.5000], dtype=torch.float64, grad_fn=<PowBackward2>) ((<ToCopyBackward0 object at 0x…>, 0),)\n'  # noqa: E501
            'tensor([0.6931, 2.7726, 0.3466]) None\n'
            'tensor([ 0.2500, -0.1667], dtype=torch.float64) torch.float64\n'
            'tensor([8.], dtype=torch.float64)\n'
            "RuntimeError the base given to float_power_ has dtype Float but the operation's result requires dtype Double\n"  # noqa: E501
            'TypeError float_power() received an invalid combination of arguments - got (int, int), but expected one of:\n'  # noqa: E501
            'tensor([ 0.5000, -0.5000,  3.0000, 40.0000], grad_fn=<LdexpBackward0>) tensor([0., 0., 1., 8.])\n'  # noqa: E501
            'tensor([ 1.4142, -2.8284,  4.2426,  7.0711], grad_fn=<LdexpBackward0>) tensor([64.0000, -0.0938])\n'  # noqa: E501
            'tensor([ 1.0000, -2.0000,  3.0000,  5.0000], grad_fn=<NextafterBackward0>) tensor([1., 1., 1., 9.])\n'  # noqa: E501
            'tensor([4.9407e-324,  1.0000e+00], dtype=torch.float64)\n'
            'torch.return_types.frexp(\n'
            'mantissa=tensor([ 0.0000,  0.5000, -0.7500,  0.6250,     inf, -0.0000,  0.5444]),\n'
            'exponent=tensor([   0,    1,    2,    4,    0,    0, -132], dtype=torch.int32))\n'
            'tensor([ 0.5000, -0.5000,  0.7500,  0.6250], grad_fn=<FrexpBackward0>) tensor([1, 2, 2, 3], dtype=torch.int32) tensor([1.5000, 1.2500, 1.2500, 9.1250])\n'  # noqa: E501
            'RuntimeError torch.frexp() only supports floating-point dtypes\n'
        ),
    ),
    # remainder with RemainderBackward0/1 (a zero keeps the dividend's sign), and PyTorch's NotImplemented
    # node for floor_divide, number % x and heaviside; torch.rsub with alpha; gcd and lcm; integer division by
    # zero refused.
    "remainder_floor_divide_rsub_heaviside_gcd_lcm": (
        r"""
import torch
a = torch.tensor([5.0, -5.0, 5.0, 3.0, -2.0], requires_grad=True)
b = torch.tensor([3.0, 3.0, -3.0, 0.0, 2.0], requires_grad=True)
for y in (torch.remainder(a, b), a % 2, a.remainder(-1.5)):
    y.sum().backward()
    print(y, a.grad, b.grad)
    a.grad, b.grad = None, None
print(torch.tensor(5.0) % torch.tensor([-2.5, 2.5, -2.0]), torch.remainder(-7, torch.tensor([2, -2, 3])))
for y in (torch.floor_divide(a, b), a // 2, 7 // a, 7 % a, torch.heaviside(a, b)):
    print(y, y.grad_fn, y.grad_fn.name(), len(y.grad_fn.next_functions))
    try:
        y.sum().backward()
    except RuntimeError as error:
        print(type(error).__name__, error)
ints = torch.tensor([7, -7])
print(ints % 3, ints // 2, torch.floor_divide(ints, -2), -7 // torch.tensor([2.0]), 7.5 % ints)
i = torch.tensor([7, 9])
i %= 4
print(i)
i //= 2
print(i)
print(i.remainder_(2), torch.tensor([9.0]).floor_divide_(2))
for bad in (lambda: ints % 0, lambda: ints // torch.tensor([1, 0]), lambda: torch.tensor([True]) % True):
    try:
        bad()
    except (RuntimeError, NotImplementedError) as error:
        print(type(error).__name__, error)
for y in (torch.rsub(a, b), torch.rsub(a, b, alpha=2), torch.rsub(a, 3, alpha=2), 3 - a):
    y.sum().backward()
    print(y, a.grad, b.grad)
    a.grad, b.grad = None, None
for bad in (lambda: torch.rsub(2, a), lambda: torch.rsub(ints, 3, alpha=0.5),
            lambda: ints.sub(ints, alpha=0.5), lambda: torch.rsub(ints, ints > 0)):
    try:
        bad()
    except (RuntimeError, TypeError) as error:
        print(type(error).__name__, error)
print(torch.heaviside(torch.tensor([float("nan"), -0.0, 0.0, 2.0]), torch.tensor([7.0])))
print(torch.heaviside(ints, torch.tensor([0])), torch.tensor([True, False]).heaviside(torch.tensor(True)))
print(torch.gcd(torch.tensor([0, -12, 7]), torch.tensor([0, 18, -14])), ints.lcm(torch.tensor([3, 2])))
g = torch.tensor([12, 18])
print(g.gcd_(torch.tensor([8, 12])))
print(torch.lcm_(g, torch.tensor([3, 5])), g)
for bad in (lambda: torch.heaviside(a, ints), lambda: torch.gcd(a, a), lambda: torch.gcd(ints, 2)):
    try:
        bad()
    except (RuntimeError, NotImplementedError, TypeError) as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([ 2.,  1., -1., nan, -0.], grad_fn=<RemainderBackward1>) tensor([1., 1., 1., 1., 1.]) tensor([-1.,  2.,  2., -inf,  1.])\n'  # noqa: E501
            'tensor([1., 1., 1., 1., -0.], grad_fn=<RemainderBackward0>) tensor([1., 1., 1., 1., 1.]) None\n'
            'tensor([-1.0000, -0.5000, -1.0000,  0.0000, -0.5000],\n'
            '       grad_fn=<RemainderBackward0>) tensor([1., 1., 1., 1., 1.]) None\n'
            'tensor([ 0.,  0., -1.]) tensor([ 1, -1,  2])\n'
            'tensor([ 1., -2., -2., inf, -1.], grad_fn=<NotImplemented>) <NotImplemented object at 0x…> torch::autograd::NotImplemented 2\n'  # noqa: E501
            'RuntimeError derivative for aten::floor_divide is not implemented\n'
            'tensor([ 2., -3.,  2.,  1., -1.], grad_fn=<NotImplemented>) <NotImplemented object at 0x…> torch::autograd::NotImplemented 1\n'  # noqa: E501
            'RuntimeError derivative for aten::floor_divide is not implemented\n'
            'tensor([ 1., -2.,  1.,  2., -4.], grad_fn=<NotImplemented>) <NotImplemented object at 0x…> torch::autograd::NotImplemented 1\n'  # noqa: E501
            'RuntimeError derivative for aten::floor_divide is not implemented\n'
            'tensor([ 2., -3.,  2.,  1., -1.], grad_fn=<NotImplemented>) <NotImplemented object at 0x…> torch::autograd::NotImplemented 1\n'  # noqa: E501
            'RuntimeError derivative for aten::remainder is not implemented\n'
            'tensor([1., 0., 1., 1., 0.], grad_fn=<NotImplemented>) <NotImplemented object at 0x…> torch::autograd::NotImplemented 2\n'  # noqa: E501
            'RuntimeError derivative for aten::heaviside is not implemented\n'
            'tensor([1, 2]) tensor([ 3, -4]) tensor([-4,  3]) tensor([-4.]) tensor([ 0.5000, -6.5000])\n'
            'tensor([3, 1])\n'
            'tensor([1, 0])\n'
            'tensor([1, 0]) tensor([4.])\n'
            'RuntimeError ZeroDivisionError\n'
            'RuntimeError ZeroDivisionError\n'
            'NotImplementedError "remainder_cpu" not implemented for \'Bool\'\n'
            'tensor([-2.,  8., -8., -3.,  4.], grad_fn=<RsubBackward0>) tensor([-1., -1., -1., -1., -1.]) tensor([1., 1., 1., 1., 1.])\n'  # noqa: E501
            'tensor([ -7.,  13., -13.,  -6.,   6.], grad_fn=<RsubBackward0>) tensor([-2., -2., -2., -2., -2.]) tensor([1., 1., 1., 1., 1.])\n'  # noqa: E501
            'tensor([-7., 13., -7., -3.,  7.], grad_fn=<RsubBackward1>) tensor([-2., -2., -2., -2., -2.]) None\n'  # noqa: E501
            'tensor([-2.,  8., -2.,  0.,  5.], grad_fn=<RsubBackward1>) tensor([-1., -1., -1., -1., -1.]) None\n'  # noqa: E501
            'TypeError rsub() received an invalid combination of arguments - got (int, Tensor), but expected one of:\n'  # noqa: E501
            ' * (Tensor input, Tensor other, *, Number alpha = 1)\n'
            ' * (Tensor input, Number other, Number alpha = 1)\n'
            '\n'
            'RuntimeError For integral input tensors, argument alpha must not be a floating point number.\n'
            'RuntimeError For integral input tensors, argument alpha must not be a floating point number.\n'
            'RuntimeError Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.\n'  # noqa: E501
            'tensor([0., 7., 7., 1.])\n'
            'tensor([1, 0]) tensor([True, True])\n'
            'tensor([0, 6, 7]) tensor([21, 14])\n'
            'tensor([4, 6])\n'
            'tensor([12, 30]) tensor([12, 30])\n'
            'RuntimeError heaviside is not yet implemented for tensors with different dtypes.\n'
            'NotImplementedError "gcd_cpu" not implemented for \'Float\'\n'
            "TypeError gcd(): argument 'other' (position 2) must be Tensor, not int\n"
        ),
    ),
    # PyTorch's other names (absolute, arctan, fix, greater, subtract ...) record the original's node; the
    # in-place and torch.* forms (square_, negative_, selu_, celu_); bools refused by +, abs, trunc, relu;
    # NaN's sign is 0.
    "aliases_record_their_originals_nodes": (
        r"""
import torch
import torch.nn.functional as F
nan = float("nan")
x = torch.tensor([1.5, -2.5, 0.5, nan], requires_grad=True)
for y in (torch.absolute(x), x.arctan(), torch.arcsinh(x), x.fix(), torch.subtract(x, 1, alpha=2)):
    print(y)
print(x.positive() is x, torch.positive(x))
y = torch.absolute(x)
y.sum().backward()
print(x.grad, torch.sign(x.detach()), torch.sgn(x.detach()))
print(torch.arccos(torch.tensor([0.5])), torch.arctan2(x, x.detach()), torch.arccosh(torch.tensor([2.0])))
print(torch.greater(x, 0), x.less_equal(0.5), torch.not_equal(x, x), x.greater_equal(x), torch.less(x, 1))
q = x * 1
q.square_()
print(q)
q.negative_()
print(q)
torch.fix_(q)
print(q)
print(q.subtract_(torch.tensor(1.0), alpha=3))
print(q.multiply_(2).divide_(4).true_divide_(2))
print(torch.frac_(torch.tensor([2.5])), torch.trunc_(torch.tensor([-2.5])), torch.square_(torch.tensor([3])))
print(torch.selu(x), torch.celu(x, 2.0))
s = torch.tensor([-1.0, 1.0])
print(torch.selu_(s), s, F.celu_(torch.tensor([-1.0]), 0.5), F.selu(torch.tensor([-2.0]), inplace=True))
mask = x > 0
for bad in (lambda: torch.positive(mask), lambda: +mask, lambda: torch.absolute(mask), lambda: mask.fix(),
            lambda: torch.frac(torch.tensor([3])), lambda: torch.relu(mask),
            lambda: torch.selu(torch.tensor([1])), lambda: torch.celu(x, 0.0), lambda: torch.ceil(mask)):
    try:
        bad()
    except (RuntimeError, NotImplementedError) as error:
        print(type(error).__name__, error)
a = torch.tensor([nan, 1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([1.0, nan, 2.0, 1.0], requires_grad=True)
torch.minimum(a, b).sum().backward()
print(a.grad, b.grad)
print(torch.add(torch.tensor([True]), torch.tensor([True]), alpha=2), torch.tensor([2]).add(1, alpha=3))
""",
        (
            'tensor([1.5000, 2.5000, 0.5000,    nan], grad_fn=<AbsBackward0>)\n'
            'tensor([ 0.9828, -1.1903,  0.4636,     nan], grad_fn=<AtanBackward0>)\n'
            'tensor([ 1.1948, -1.6472,  0.4812,     nan], grad_fn=<AsinhBackward0>)\n'
            'tensor([ 1., -2.,  0., nan], grad_fn=<TruncBackward0>)\n'
            'tensor([-0.5000, -4.5000, -1.5000,     nan], grad_fn=<SubBackward0>)\n'
            'True tensor([ 1.5000, -2.5000,  0.5000,     nan], requires_grad=True)\n'
            'tensor([ 1., -1.,  1.,  0.]) tensor([ 1., -1.,  1.,  0.]) tensor([ 1., -1.,  1.,  0.])\n'
            'tensor([1.0472]) tensor([ 0.7854, -2.3562,  0.7854,     nan], grad_fn=<Atan2Backward0>) tensor([1.3170])\n'  # noqa: E501
            'tensor([ True, False,  True, False]) tensor([False,  True,  True, False]) tensor([False, False, False,  True]) tensor([ True,  True,  True, False]) tensor([False,  True,  True, False])\n'  # noqa: E501
            'tensor([2.2500, 6.2500, 0.2500,    nan], grad_fn=<PowBackward0>)\n'
            'tensor([-2.2500, -6.2500, -0.2500,     nan], grad_fn=<NegBackward0>)\n'
            'tensor([-2., -6., -0., nan], grad_fn=<TruncBackward0>)\n'
            'tensor([-5., -9., -3., nan], grad_fn=<SubBackward0>)\n'
            'tensor([-1.2500, -2.2500, -0.7500,     nan], grad_fn=<DivBackward0>)\n'
            'tensor([0.5000]) tensor([-2.]) tensor([9])\n'
            'tensor([ 1.5761, -1.6138,  0.5254,     nan], grad_fn=<EluBackward0>) tensor([ 1.5000, -1.4270,  0.5000,     nan], grad_fn=<CeluBackward0>)\n'  # noqa: E501
            'tensor([-1.1113,  1.0507]) tensor([-1.1113,  1.0507]) tensor([-0.4323]) tensor([-1.5202])\n'
            'RuntimeError The `+` operator, on a bool tensor is not supported.\n'
            'RuntimeError The `+` operator, on a bool tensor is not supported.\n'
            'NotImplementedError "abs_cpu" not implemented for \'Bool\'\n'
            'NotImplementedError "trunc_vml_cpu" not implemented for \'Bool\'\n'
            'NotImplementedError "frac_cpu" not implemented for \'Long\'\n'
            'RuntimeError Boolean inputs not supported for relu\n'
            'NotImplementedError "elu_cpu" not implemented for \'Long\'\n'
            'RuntimeError ZeroDivisionError: alpha cannot be 0 for CELU\n'
            'NotImplementedError "ceil_vml_cpu" not implemented for \'Bool\'\n'
            'tensor([1.0000, 1.0000, 0.5000, 0.0000]) tensor([1.0000, 1.0000, 0.5000, 1.0000])\n'
            'tensor([True]) tensor([5])\n'
        ),
    ),
    # sgn (NaN's is 0), sinc, exp2, deg2rad, rad2deg, erfc, lgamma, digamma (trigamma as PyTorch sums it:
    # finite beside the poles in float32), acosh, asinh, atanh and logit with and without eps, at their
    # special points.
    "sgn_sinc_exp2_logit_erfc_lgamma_digamma_and_inverse_hyperbolics": (
        r"""
import torch
inf, nan = float("inf"), float("nan")
x = torch.tensor([0.0, -0.0, 1.0, -2.5, 0.5, inf, -inf, nan], requires_grad=True)
functions = (torch.sgn, torch.sinc, torch.exp2, torch.deg2rad, torch.rad2deg, torch.erfc, torch.lgamma,
             torch.digamma, torch.acosh, torch.asinh, torch.atanh)
for function in functions:
    y = function(x)
    y.sum().backward()
    print(y)
    print(x.grad)
    x.grad = None
poles = torch.tensor([-1.0, -2.0, -0.5, 1e-30, 100.0], requires_grad=True)
y = torch.digamma(poles)
y.sum().backward()
print(torch.lgamma(poles), y, poles.grad)
p = torch.tensor([0.0, 0.05, 0.1, 0.5, 0.95, 1.0, 1.5, nan], requires_grad=True)
for y in (torch.logit(p), p.logit(eps=0.1), torch.logit(p, 0.7)):
    y.sum().backward()
    print(y, p.grad)
    p.grad = None
ints = torch.tensor([3, -2, 0])
print(torch.sgn(ints), torch.sgn(torch.tensor([True, False])), torch.sign(torch.tensor([nan])))
print(torch.sinc(ints), torch.exp2(ints), torch.rad2deg(ints), torch.lgamma(torch.tensor([True])))
print(torch.sinc(torch.tensor([1e-10, 1.0, 0.25], dtype=torch.float64)))
z = torch.tensor([0.5, 2.0])
print(z.exp2_(), z.clone().sinc_(), torch.deg2rad_(z.clone()), z.clone().logit_(0.25))
print(torch.erfc_(z.clone()), z.clone().atanh_(), z.clone().sgn_(), torch.rad2deg_(z.clone()))
print(z.lgamma_())
print(z.digamma_())
try:
    ints.exp2_()
except RuntimeError as error:
    print(type(error).__name__, error)
""",
        (
            'tensor([ 0.,  0.,  1., -1.,  1.,  1., -1.,  0.], grad_fn=<SgnBackward0>)\n'
            'tensor([0., 0., 0., 0., 0., 0., 0., 0.])\n'
            'tensor([ 1.0000e+00,  1.0000e+00, -2.7828e-08,  1.2732e-01,  6.3662e-01,\n'
            '                nan,         nan,         nan], grad_fn=<SincBackward0>)\n'
            'tensor([ 0.0000,  0.0000, -1.0000,  0.0509, -1.2732,     nan,     nan,     nan])\n'
            'tensor([1.0000, 1.0000, 2.0000, 0.1768, 1.4142,    inf, 0.0000,    nan],\n'
            '       grad_fn=<Exp2Backward0>)\n'
            'tensor([0.6931, 0.6931, 1.3863, 0.1225, 0.9803,    inf, 0.0000,    nan])\n'
            'tensor([ 0.0000, -0.0000,  0.0175, -0.0436,  0.0087,     inf,    -inf,     nan],\n'
            '       grad_fn=<Deg2RadBackward0>)\n'
            'tensor([0.0175, 0.0175, 0.0175, 0.0175, 0.0175, 0.0175, 0.0175, 0.0175])\n'
            'tensor([   0.0000,   -0.0000,   57.2958, -143.2395,   28.6479,       inf,\n'
            '             -inf,       nan], grad_fn=<Rad2DegBackward0>)\n'
            'tensor([57.2958, 57.2958, 57.2958, 57.2958, 57.2958, 57.2958, 57.2958, 57.2958])\n'
            'tensor([1.0000, 1.0000, 0.1573, 1.9996, 0.4795, 0.0000, 2.0000,    nan],\n'
            '       grad_fn=<ErfcBackward0>)\n'
            'tensor([-1.1284, -1.1284, -0.4151, -0.0022, -0.8788, -0.0000, -0.0000,     nan])\n'
            'tensor([    inf,     inf,  0.0000, -0.0562,  0.5724,     inf,     inf,     nan],\n'
            '       grad_fn=<LgammaBackward0>)\n'
            'tensor([   -inf,     inf, -0.5772,  1.1032, -1.9635,     inf,     nan,     nan])\n'
            'tensor([   -inf,     inf, -0.5772,  1.1032, -1.9635,     inf,     nan,     nan],\n'
            '       grad_fn=<DigammaBackward0>)\n'
            'tensor([   inf,    inf, 1.6449, 9.5392, 4.9348, 0.0000,    nan,    nan])\n'
            'tensor([nan, nan, 0., nan, nan, inf, nan, nan], grad_fn=<AcoshBackward0>)\n'
            'tensor([   nan,    nan,    inf, 0.4364,    nan, 0.0000, 0.0000,    nan])\n'
            'tensor([ 0.0000, -0.0000,  0.8814, -1.6472,  0.4812,     inf,    -inf,     nan],\n'
            '       grad_fn=<AsinhBackward0>)\n'
            'tensor([1.0000, 1.0000, 0.7071, 0.3714, 0.8944, 0.0000, 0.0000,    nan])\n'
            'tensor([0.0000, -0.0000,    inf,    nan, 0.5493,    nan,    nan,    nan],\n'
            '       grad_fn=<AtanhBackward0>)\n'
            'tensor([ 1.0000,  1.0000,     inf, -0.1905,  1.3333, -0.0000, -0.0000,     nan])\n'
            'tensor([     inf,      inf,   1.2655,  69.0776, 359.1342],\n'
            '       grad_fn=<LgammaBackward0>) tensor([        nan,         nan,  3.6490e-02, -1.0000e+30,  4.6002e+00],\n'  # noqa: E501
            '       grad_fn=<DigammaBackward0>) tensor([1.2914e+15, 3.2284e+14, 8.9348e+00,        inf, 1.0050e-02])\n'  # noqa: E501
            'tensor([   -inf, -2.9444, -2.1972,  0.0000,  2.9444,     inf,     nan,     nan],\n'
            '       grad_fn=<LogitBackward0>) tensor([    inf, 21.0526, 11.1111,  4.0000, 21.0526,     inf,     nan,     nan])\n'  # noqa: E501
            'tensor([-2.1972, -2.1972, -2.1972,  0.0000,  2.1972,  2.1972,  2.1972,     nan],\n'
            '       grad_fn=<LogitBackward0>) tensor([ 0.0000,  0.0000, 11.1111,  4.0000,  0.0000,  0.0000,  0.0000,     nan])\n'  # noqa: E501
            'tensor([ 0.8473,  0.8473,  0.8473,  0.8473, -0.8473, -0.8473, -0.8473,     nan],\n'
            '       grad_fn=<LogitBackward0>) tensor([0., 0., 0., 0., 0., 0., 0., nan])\n'
            'tensor([ 1, -1,  0]) tensor([ True, False]) tensor([0.])\n'
            'tensor([-2.5305e-09,  2.7828e-08,  1.0000e+00]) tensor([8.0000, 0.2500, 1.0000]) tensor([ 171.8873, -114.5916,    0.0000]) tensor([0.])\n'  # noqa: E501
            'tensor([1.0000e+00, 3.8982e-17, 9.0032e-01], dtype=torch.float64)\n'
            'tensor([1.4142, 4.0000]) tensor([-2.1695e-01,  2.7828e-08]) tensor([0.0247, 0.0698]) tensor([1.0986, 1.0986])\n'  # noqa: E501
            'tensor([4.5500e-02, 1.5417e-08]) tensor([nan, nan]) tensor([1., 1.]) tensor([ 81.0285, 229.1831])\n'  # noqa: E501
            'tensor([-0.1204,  1.7918])\n'
            'tensor([7.5121, 0.2789])\n'
            "RuntimeError result type Float can't be cast to the desired output type Long\n"
        ),
    ),
    # The new pointwise ops on empty and 0-d float64 tensors, broadcasting (gradients summed back to each
    # shape), and with out= (refused when an input requires grad; nan_to_num's out must have the input's
    # dtype).
    "pointwise_more_on_empty_0d_broadcast_and_out": (
        r"""
import torch
e = torch.tensor([])
s = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
row = torch.tensor([[1.0, -2.0, 3.0]], requires_grad=True)
col = torch.tensor([[0.5], [2.0]], requires_grad=True)
print(torch.hypot(e, e), torch.isinf(e), torch.nan_to_num(e), torch.logit(e), torch.lerp(e, e, 0.5))
for y in (torch.logit(s), torch.lgamma(s), s.exp2(), torch.xlogy(s, s), s.clamp_min(0.7), torch.sinc(s)):
    print(y)
y = torch.hypot(row, col) + torch.logaddexp(row, col) + torch.fmax(row, col) + torch.clamp_max(row, col)
y.sum().backward()
print(y, row.grad, col.grad, sep="\n")
out = torch.empty(3)
print(torch.hypot(row.detach()[0], torch.ones(3), out=out), out)
print(torch.isposinf(torch.tensor([float("inf")]), out=torch.empty(1, dtype=torch.bool)))
print(torch.clamp_min(row.detach(), 0.0, out=torch.empty(1, 3)), torch.erfc(s.detach(), out=torch.empty(())))
try:
    torch.hypot(row, col, out=torch.empty(2, 3))
except RuntimeError as error:
    print(type(error).__name__, error)
try:
    torch.nan_to_num(torch.tensor([1.0]), out=torch.empty(1, dtype=torch.long))
except RuntimeError as error:
    print(type(error).__name__, error)
""",
        (
            'tensor([]) tensor([], dtype=torch.bool) tensor([]) tensor([]) tensor([])\n'
            'tensor(0., dtype=torch.float64, grad_fn=<LogitBackward0>)\n'
            'tensor(0.5724, dtype=torch.float64, grad_fn=<LgammaBackward0>)\n'
            'tensor(1.4142, dtype=torch.float64, grad_fn=<Exp2Backward0>)\n'
            'tensor(-0.3466, dtype=torch.float64, grad_fn=<XlogyBackward0>)\n'
            'tensor(0.7000, dtype=torch.float64, grad_fn=<ClampMinBackward0>)\n'
            'tensor(0.6366, dtype=torch.float64, grad_fn=<SincBackward0>)\n'
            'tensor([[ 4.0921,  1.1404,  9.6203],\n'
            '        [ 7.5493,  4.8466, 11.9188]], grad_fn=<AddBackward0>)\n'
            'tensor([[4.2330, 0.4166, 5.4736]])\n'
            'tensor([[5.2317],\n'
            '        [7.1382]])\n'
            'tensor([1.4142, 2.2361, 3.1623]) tensor([1.4142, 2.2361, 3.1623])\n'
            'tensor([True])\n'
            'tensor([[1., 0., 3.]]) tensor(0.4795)\n'
            "RuntimeError hypot(): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad.\n"  # noqa: E501
            'RuntimeError nan_to_num: dtype of out: Long should be same as input: Float\n'
        ),
    ),
    # swapaxes/swapdims, movedim/moveaxis, ravel, broadcast_to/_tensors/_shapes, select, atleast_1d/2d/3d and
    # unflatten: PyTorch's view nodes, writes through the views reaching their base, and PyTorch's refusals.
    "views_swapaxes_movedim_ravel_broadcast_select_atleast": (
        r"""
import torch
x = torch.arange(6.).reshape(2, 3).requires_grad_()
w = x * 1
s = torch.swapaxes(w, 0, 1)
print(s, s.shape, w.swapdims(-1, 0).grad_fn)
m = torch.movedim(w, 0, 1)
print(m.grad_fn, torch.moveaxis(torch.ones(2, 3, 4, 5), (0, 3), (2, 0)).shape)
print(torch.ones(2, 3, 4).movedim((-1, 0), (0, -1)).shape, torch.movedim(torch.tensor(5.), 0, 0))
r = torch.ravel(w)
print(r, r.grad_fn, w.t().ravel().grad_fn, w.t().ravel().grad_fn.next_functions[0][0])
r[0] = 10.
print(w)
b = torch.broadcast_to(x, (2, 2, 3))
print(b.shape, b.grad_fn, x.broadcast_to((-1, 3)).shape)
b.sum().backward()
print(x.grad)
p, q = torch.broadcast_tensors(w, torch.tensor([[1], [2]]))
print(p is w, q, q.dtype)
print(torch.broadcast_shapes((2, 1), (4, 1, 3)), torch.broadcast_shapes(3, (2, 1)), torch.broadcast_shapes())
row = torch.select(w, 1, -1)
print(row, row.grad_fn, w.select(0, 1))
row.mul_(100)
print(w)
v = torch.tensor([1., 2.], requires_grad=True)
for f in (torch.atleast_1d, torch.atleast_2d, torch.atleast_3d):
    outs = f(torch.tensor(7.), v, x)
    print([tuple(o.shape) for o in outs], [type(o.grad_fn).__name__ for o in outs], outs[2] is x)
print(torch.atleast_2d([v]), torch.atleast_3d(), torch.unflatten(w.t(), 0, (3, 1)).grad_fn)
print(torch.unflatten(x, -1, (-1, 1)).shape, x.unflatten(1, [1, 3]).shape)
t = torch.ones(2, 3)
t.swapaxes_(0, 1)
print(t.shape, t.swapdims_(1, 0).shape)
tries = [
    lambda: torch.swapaxes(x, 0, 2),
    lambda: torch.movedim(x, (0, 1), 1),
    lambda: torch.movedim(x, (0, -2), (1, 0)),
    lambda: torch.movedim(x, (0, 1), (1, 1)),
    lambda: torch.broadcast_to(x, (3, 3)),
    lambda: torch.broadcast_to(x, (3,)),
    lambda: torch.broadcast_to(x, (-1, 2, 3)),
    lambda: x.expand(2, 3, 1),
    lambda: torch.broadcast_tensors(x, torch.ones(2)),
    lambda: torch.broadcast_tensors(torch.ones(3), torch.ones(4, 1), torch.ones(2, 1)),
    lambda: torch.broadcast_tensors([x]),
    lambda: torch.broadcast_shapes((2, 3), (3, 3)),
    lambda: torch.broadcast_shapes((2, -1)),
    lambda: torch.broadcast_shapes((2, 1), (5, 4, 3)),
    lambda: torch.broadcast_shapes((2,), 2.5),
    lambda: torch.select(x, 1, 3),
    lambda: torch.select(x, 1, -4),
    lambda: torch.select(torch.tensor(1.), 0, 0),
    lambda: torch.atleast_2d(3),
    lambda: torch.unflatten(x, 1, ()),
    lambda: torch.unflatten(x, 2, (3,)),
    lambda: torch.unflatten(x, 1, (2, 2)),
]
for attempt in tries:
    try:
        attempt()
    except Exception as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([[0., 3.],\n'
            '        [1., 4.],\n'
            '        [2., 5.]], grad_fn=<TransposeBackward0>) torch.Size([3, 2]) <TransposeBackward0 object at 0x…>\n'  # noqa: E501
            '<PermuteBackward0 object at 0x…> torch.Size([5, 3, 2, 4])\n'
            'torch.Size([4, 3, 2]) tensor(5.)\n'
            'tensor([0., 1., 2., 3., 4., 5.], grad_fn=<ViewBackward0>) <ViewBackward0 object at 0x…> <ViewBackward0 object at 0x…> <CloneBackward0 object at 0x…>\n'  # noqa: E501
            'tensor([[10.,  1.,  2.],\n'
            '        [ 3.,  4.,  5.]], grad_fn=<CopySlices>)\n'
            'torch.Size([2, 2, 3]) <ExpandBackward0 object at 0x…> torch.Size([2, 3])\n'
            'tensor([[2., 2., 2.],\n'
            '        [2., 2., 2.]])\n'
            'True tensor([[1, 1, 1],\n'
            '        [2, 2, 2]]) torch.int64\n'
            'torch.Size([4, 2, 3]) torch.Size([2, 3]) torch.Size([])\n'
            'tensor([2., 5.], grad_fn=<SelectBackward0>) <SelectBackward0 object at 0x…> tensor([3., 4., 5.], grad_fn=<SelectBackward0>)\n'  # noqa: E501
            'tensor([[ 10.,   1., 200.],\n'
            '        [  3.,   4., 500.]], grad_fn=<CopySlices>)\n'
            "[(1,), (2,), (2, 3)] ['NoneType', 'NoneType', 'NoneType'] True\n"
            "[(1, 1), (1, 2), (2, 3)] ['NoneType', 'UnsqueezeBackward0', 'NoneType'] True\n"
            "[(1, 1, 1), (1, 2, 1), (2, 3, 1)] ['NoneType', 'UnsqueezeBackward0', 'UnsqueezeBackward0'] False\n"  # noqa: E501
            '(tensor([[1., 2.]], grad_fn=<UnsqueezeBackward0>),) () <ViewBackward0 object at 0x…>\n'
            'torch.Size([2, 3, 1]) torch.Size([2, 1, 3])\n'
            'torch.Size([3, 2]) torch.Size([2, 3])\n'
            'IndexError Dimension out of range (expected to be in range of [-2, 1], but got 2)\n'
            'TypeError movedim() received an invalid combination of arguments - got (Tensor, tuple, int), but expected one of:\n'  # noqa: E501
            ' * (Tensor input, int source, int destination)\n'
            "      didn't match because some of the arguments have invalid types: (Tensor, !tuple of (int, int)!, int)\n"  # noqa: E501
            ' * (Tensor input, tuple of ints source, tuple of ints destination)\n'
            "      didn't match because some of the arguments have invalid types: (Tensor, !tuple of (int, int)!, !int!)\n"  # noqa: E501
            '\n'
            'RuntimeError movedim: repeated dim in `source` ([0, -2])\n'
            'RuntimeError movedim: repeated dim in `destination` ([1, 1])\n'
            'RuntimeError The expanded size of the tensor (3) must match the existing size (2) at non-singleton dimension 0.  Target sizes: [3, 3].  Tensor sizes: [2, 3]\n'  # noqa: E501
            'RuntimeError expand(torch.FloatTensor{[2, 3]}, size=[3]): the number of sizes provided (1) must be greater or equal to the number of dimensions in the tensor (2)\n'  # noqa: E501
            "RuntimeError The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension 0\n"  # noqa: E501
            'RuntimeError The expanded size of the tensor (1) must match the existing size (3) at non-singleton dimension 2.  Target sizes: [2, 3, 1].  Tensor sizes: [2, 3]\n'  # noqa: E501
            'RuntimeError The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1\n'  # noqa: E501
            'RuntimeError The size of tensor a (4) must match the size of tensor b (2) at non-singleton dimension 0\n'  # noqa: E501
            'TypeError expected Tensor as element 0 in argument 0, but got list\n'
            'RuntimeError Attempting to broadcast a dimension of length 3 at -2! Mismatching argument at index 1 had (3, 3); but expected shape should be broadcastable to [2, 3]\n'  # noqa: E501
            'ValueError Attempting to broadcast a dimension with negative length!\n'
            'RuntimeError Attempting to broadcast a dimension of length 4 at -2! Mismatching argument at index 1 had (5, 4, 3); but expected shape should be broadcastable to [1, 2, 3]\n'  # noqa: E501
            'RuntimeError Input shapes should be of type ints, a tuple of ints, or a list of ints, got 2.5\n'
            'IndexError select(): index 3 out of range for tensor of size [2, 3] at dimension 1\n'
            'IndexError select(): index -4 out of range for tensor of size [2, 3] at dimension 1\n'
            'IndexError select() cannot be applied to a 0-dim tensor.\n'
            'TypeError atleast_2d() received an invalid combination of arguments - got (int), but expected one of:\n'  # noqa: E501
            ' * (Tensor input)\n'
            "      didn't match because some of the arguments have invalid types: (!int!)\n"
            ' * (tuple of Tensors tensors)\n'
            "      didn't match because some of the arguments have invalid types: (!int!)\n"
            '\n'
            'RuntimeError unflatten: sizes must be non-empty\n'
            'IndexError Dimension out of range (expected to be in range of [-2, 1], but got 2)\n'
            "RuntimeError unflatten: Provided sizes [2, 2] don't multiply up to the size of dim 1 (3) in the input tensor\n"  # noqa: E501
        ),
    ),
    # amin, amax and aminmax: NaN wherever a NaN is, the gradient split between ties (NaN where the result is
    # NaN), AminmaxBackward0 for both outputs; PyTorch's refusals (a dim named twice, no elements to reduce).
    "amin_amax_aminmax_with_nans_ties_and_refusals": (
        r"""
import torch
x = torch.tensor([[3., 1., 2., 1.], [float('nan'), 0., -1., 4.]], requires_grad=True)
print(torch.amin(x), torch.amin(x, 1), x.amin(dim=0, keepdim=True), torch.amin(x, (0, 1)))
y = torch.amin(x[0:1], -1)
y.backward(torch.tensor([6.]))
print(y, x.grad)
x.grad = None
torch.amin(x, 0).sum().backward()
print(x.grad)
r = torch.aminmax(x, dim=1)
print(r, r.min.grad_fn.name())
x.grad = None
(r.min * 2 + r.max).sum().backward()
print(x.grad)
low, high = torch.aminmax(torch.tensor([[2, 7], [1, 7]]))
print(low, high, torch.aminmax(torch.tensor([True, False]), dim=0, keepdim=True))
print(x.aminmax(keepdim=True), torch.aminmax(torch.tensor(3.), dim=0))
print(torch.amin(torch.tensor([[4, 1]], dtype=torch.uint8), 1), torch.amin(torch.ones(0, 3), 1))
print(torch.aminmax(torch.ones(0, 3), dim=1), torch.amax(x, []), torch.amin(torch.tensor(2.), 0))
tries = [
    lambda: torch.amin(x, (0, 0)),
    lambda: torch.amin(torch.ones(0)),
    lambda: torch.amin(torch.ones(0, 3), 0),
    lambda: torch.amin(x, 2),
    lambda: torch.aminmax(torch.ones(0)),
    lambda: torch.aminmax(torch.ones(0, 3), dim=0),
    lambda: torch.aminmax(x, 1),
    lambda: x.aminmax(1),
    lambda: torch.aminmax(x, dim=(0, 1)),
    lambda: torch.amin(torch.ones(2, 0, 3), (2, 1)),
    lambda: torch.amax(torch.ones(0)),
]
for attempt in tries:
    try:
        attempt()
    except Exception as error:
        print(type(error).__name__, error)
x = torch.tensor([[3., 1., 3., 1.], [float('nan'), 0., -1., float('nan')]],
                 requires_grad=True)
for f in [lambda: torch.amax(x), lambda: torch.amax(x, 1), lambda: torch.amax(x, 0, True),
          lambda: x.amax((0, 1))]:
    x.grad = None
    y = f()
    y.sum().backward()
    print(y, x.grad)
tries = [
    lambda: torch.amax(x, (0, 0)),
    lambda: torch.amax(torch.ones(0)),
    lambda: torch.amax(torch.ones(0, 3), 0),
    lambda: torch.amax(torch.ones(0, 3), 1),
    lambda: torch.amax(x, 2),
    lambda: torch.amax(torch.tensor(2.), 0),
    lambda: torch.amax(torch.tensor([1, 5])),
    lambda: torch.amax(x, []),
]
for attempt in tries:
    try:
        print(attempt())
    except Exception as error:
        print(type(error).__name__, error)
""",
        (
            'tensor(nan, grad_fn=<AminBackward0>) tensor([1., nan], grad_fn=<AminBackward0>) tensor([[nan,  0., -1.,  1.]], grad_fn=<AminBackward0>) tensor(nan, grad_fn=<AminBackward0>)\n'  # noqa: E501
            'tensor([1.], grad_fn=<AminBackward0>) tensor([[0., 3., 0., 3.],\n'
            '        [0., 0., 0., 0.]])\n'
            'tensor([[nan, 0., 0., 1.],\n'
            '        [nan, 1., 1., 0.]])\n'
            'torch.return_types.aminmax(\n'
            'min=tensor([1., nan], grad_fn=<AminmaxBackward0>),\n'
            'max=tensor([3., nan], grad_fn=<AminmaxBackward0>)) AminmaxBackward0\n'
            'tensor([[1., 1., 0., 1.],\n'
            '        [nan, nan, nan, nan]])\n'
            'tensor(1) tensor(7) torch.return_types.aminmax(\n'
            'min=tensor([False]),\n'
            'max=tensor([True]))\n'
            'torch.return_types.aminmax(\n'
            'min=tensor([[nan]], grad_fn=<AminmaxBackward0>),\n'
            'max=tensor([[nan]], grad_fn=<AminmaxBackward0>)) torch.return_types.aminmax(\n'
            'min=tensor(3.),\n'
            'max=tensor(3.))\n'
            'tensor([1], dtype=torch.uint8) tensor([])\n'
            'torch.return_types.aminmax(\n'
            'min=tensor([]),\n'
            'max=tensor([])) tensor(nan, grad_fn=<AmaxBackward0>) tensor(2.)\n'
            'RuntimeError dim 0 appears multiple times in the list of dims\n'
            "RuntimeError amin(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.\n"  # noqa: E501
            'IndexError amin(): Expected reduction dim 0 to have non-zero size.\n'
            'IndexError Dimension out of range (expected to be in range of [-2, 1], but got 2)\n'
            'RuntimeError aminmax(): cannot compute aminmax over an empty dimension as the operation has no identity.\n'  # noqa: E501
            'IndexError aminmax: Expected reduction dim 0 to have non-zero size.\n'
            'TypeError aminmax() takes 1 positional argument but 2 were given\n'
            'TypeError aminmax() takes 0 positional arguments but 1 was given\n'
            "TypeError aminmax(): argument 'dim' must be int, not tuple\n"
            'IndexError amin(): Expected reduction dim 1 to have non-zero size.\n'
            "RuntimeError amax(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.\n"  # noqa: E501
            'tensor(nan, grad_fn=<AmaxBackward0>) tensor([[nan, nan, nan, nan],\n'
            '        [nan, nan, nan, nan]])\n'
            'tensor([3., nan], grad_fn=<AmaxBackward0>) tensor([[0.5000, 0.0000, 0.5000, 0.0000],\n'
            '        [   nan,    nan,    nan,    nan]])\n'
            'tensor([[nan, 1., 3., nan]], grad_fn=<AmaxBackward0>) tensor([[nan, 1., 1., nan],\n'
            '        [nan, 0., 0., nan]])\n'
            'tensor(nan, grad_fn=<AmaxBackward0>) tensor([[nan, nan, nan, nan],\n'
            '        [nan, nan, nan, nan]])\n'
            'RuntimeError dim 0 appears multiple times in the list of dims\n'
            "RuntimeError amax(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.\n"  # noqa: E501
            'IndexError amax(): Expected reduction dim 0 to have non-zero size.\n'
            'tensor([])\n'
            'IndexError Dimension out of range (expected to be in range of [-2, 1], but got 2)\n'
            'tensor(2.)\n'
            'tensor(5)\n'
            'tensor(nan, grad_fn=<AmaxBackward0>)\n'
        ),
    ),
    # argsort (stable, descending; NaN above every number) and sort give the order PyTorch's CPU kernel gives:
    # std::sort's order among ties in rows longer than 16, a stable one when asked; PyTorch's refusals.
    "argsort_and_sort_order_ties_as_pytorchs_kernels": (
        r"""
import torch
x = torch.tensor([[3., 1., float('nan'), 1., -0.0, 0.0], [2., 2., -1., float('nan'), float('nan'), 5.]])
print(torch.argsort(x), torch.argsort(x, descending=True))
print(torch.argsort(x, dim=0, descending=True), x.argsort(0, True), x.argsort(stable=True, dim=0))
print(torch.sort(x, descending=True))
labels = torch.tensor([2, 0, 1, 2, 0, 1, 1, 0, 2, 2, 0, 1, 0, 2, 1, 0, 1, 2, 0, 1])
print(torch.argsort(labels))
print(torch.argsort(labels, stable=True))
print(labels.argsort(descending=True))
print(torch.argsort(labels, descending=True, stable=True))
print(torch.sort(labels).indices, labels.sort(descending=True).indices)
noisy = torch.tensor([0.5, float('nan'), 0.5, 1.0] * 6)
print(torch.argsort(noisy), torch.argsort(noisy, descending=True))
print(torch.argsort(torch.tensor([True, False, True, False])), torch.argsort(torch.tensor(4.)))
print(torch.argsort(torch.tensor([5, -9223372036854775808, 7]), descending=True))
print(torch.argsort(torch.ones(0, 2)))
w = torch.tensor([0.3, 0.1, 0.2], requires_grad=True)
print(torch.argsort(w), w.argsort(descending=True).requires_grad)
tries = [lambda: torch.argsort(x, 2), lambda: torch.argsort(x, True), lambda: x.argsort(True),
         lambda: torch.argsort(x, 0, stable=True), lambda: torch.argsort(x, descending=1),
         lambda: torch.argsort(torch.tensor(1.), 1)]
for attempt in tries:
    try:
        attempt()
    except Exception as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([[4, 5, 1, 3, 0, 2],\n'
            '        [2, 0, 1, 5, 3, 4]]) tensor([[2, 0, 1, 3, 4, 5],\n'
            '        [3, 4, 5, 0, 1, 2]])\n'
            'tensor([[0, 1, 0, 1, 1, 1],\n'
            '        [1, 0, 1, 0, 0, 0]]) tensor([[0, 1, 0, 1, 1, 1],\n'
            '        [1, 0, 1, 0, 0, 0]]) tensor([[1, 0, 1, 0, 0, 0],\n'
            '        [0, 1, 0, 1, 1, 1]])\n'
            'torch.return_types.sort(\n'
            'values=tensor([[nan,  3.,  1.,  1., -0.,  0.],\n'
            '        [nan, nan,  5.,  2.,  2., -1.]]),\n'
            'indices=tensor([[2, 0, 1, 3, 4, 5],\n'
            '        [3, 4, 5, 0, 1, 2]]))\n'
            'tensor([ 1, 18, 15, 12, 10,  7,  4,  6,  5, 11, 14,  2, 16, 19,  8,  9,  3, 13,\n'
            '        17,  0])\n'
            'tensor([ 1,  4,  7, 10, 12, 15, 18,  2,  5,  6, 11, 14, 16, 19,  0,  3,  8,  9,\n'
            '        13, 17])\n'
            'tensor([ 3, 17,  8,  9,  0, 13, 19,  2,  5,  6, 11, 16, 14, 10, 18, 15, 12,  7,\n'
            '         4,  1])\n'
            'tensor([ 0,  3,  8,  9, 13, 17,  2,  5,  6, 11, 14, 16, 19,  1,  4,  7, 10, 12,\n'
            '        15, 18])\n'
            'tensor([ 1, 18, 15, 12, 10,  7,  4,  6,  5, 11, 14,  2, 16, 19,  8,  9,  3, 13,\n'
            '        17,  0]) tensor([ 3, 17,  8,  9,  0, 13, 19,  2,  5,  6, 11, 16, 14, 10, 18, 15, 12,  7,\n'  # noqa: E501
            '         4,  1])\n'
            'tensor([ 0,  2, 22,  4, 20,  6,  8, 18, 10, 16, 12, 14, 23, 19, 15, 11,  7,  3,\n'
            '        13, 17,  9,  5, 21,  1]) tensor([ 1, 21, 17,  5, 13,  9, 23, 19, 15, 11,  7,  3, 10,  8, 12, 14,  6, 16,\n'  # noqa: E501
            '         4, 18, 20,  2, 22,  0])\n'
            'tensor([1, 3, 0, 2]) tensor(0)\n'
            'tensor([2, 0, 1])\n'
            'tensor([], size=(0, 2), dtype=torch.int64)\n'
            'tensor([1, 2, 0]) False\n'
            'IndexError Dimension out of range (expected to be in range of [-2, 1], but got 2)\n'
            'TypeError argsort() received an invalid combination of arguments - got (Tensor, bool), but expected one of:\n'  # noqa: E501
            ' * (Tensor input, *, bool stable, int dim = -1, bool descending = False, Tensor out = None)\n'
            ' * (Tensor input, int dim = -1, bool descending = False)\n'
            '\n'
            'TypeError argsort() received an invalid combination of arguments - got (bool), but expected one of:\n'  # noqa: E501
            ' * (*, bool stable, int dim = -1, bool descending = False)\n'
            ' * (int dim = -1, bool descending = False)\n'
            '\n'
            'TypeError argsort() received an invalid combination of arguments - got (Tensor, int, stable=bool), but expected one of:\n'  # noqa: E501
            ' * (Tensor input, *, bool stable, int dim = -1, bool descending = False, Tensor out = None)\n'
            ' * (Tensor input, int dim = -1, bool descending = False)\n'
            "      didn't match because some of the keywords were incorrect: stable\n"
            '\n'
            'TypeError argsort() received an invalid combination of arguments - got (Tensor, descending=int), but expected one of:\n'  # noqa: E501
            ' * (Tensor input, *, bool stable, int dim = -1, bool descending = False, Tensor out = None)\n'
            ' * (Tensor input, int dim = -1, bool descending = False)\n'
            '\n'
            'IndexError Dimension out of range (expected to be in range of [-1, 0], but got 1)\n'
        ),
    ),
    # hstack, vstack/row_stack, dstack, column_stack as PyTorch builds them (a cat of atleast_Nd views); cat's
    # refusals and its 1-d empty tensors; fliplr, flipud, rot90 (Rot90Backward0) and flip as new tensors.
    "stacks_flips_and_rot90": (
        r"""
import torch
x = torch.arange(6.).reshape(2, 3)
v = torch.arange(3.)
s = torch.tensor(4.)
a = torch.ones(2, 3, requires_grad=True)
print(torch.hstack([v, v]), torch.hstack((s, s)), torch.vstack([v, v]))
print(torch.dstack([v, v]), torch.dstack([s, s]).shape, torch.row_stack([v, x]))
print(torch.column_stack([v, v.int()]), torch.column_stack((v, x.t())))
print(torch.hstack([torch.tensor([1, 2]), torch.tensor([True, False])]))
for f in (torch.hstack, torch.vstack, torch.dstack, torch.column_stack, torch.row_stack):
    y = f([a[0], a[1] * 2])
    print(f.__name__, tuple(y.shape), y.grad_fn.name(), [n.name() for n, _ in y.grad_fn.next_functions])
y = torch.hstack([a, a[:, :1]])
y.backward(torch.arange(8.).reshape(2, 4))
print(a.grad)
out = torch.empty(0)
torch.vstack([v, v], out=out)
print(out, torch.cat([torch.ones(0), x]).shape, torch.cat([x, torch.ones(0)], 1).shape)
print(torch.fliplr(x), x.flipud(), torch.flipud(v))
print(torch.rot90(x), torch.rot90(x, 2, [1, 0]), x.rot90(-1), torch.rot90(x, 4).shape)
y = torch.rot90(a, 1, (0, 1))
y.backward(torch.arange(6.).reshape(3, 2))
print(y.grad_fn, a.grad)
f = torch.flip(x, [0])
x.add_(1)
print(f, torch.fliplr(x).is_contiguous(), torch.rot90(torch.tensor([[1, 2], [3, 4]]), 3))
tries = [
    lambda: torch.hstack([]),
    lambda: torch.hstack(x),
    lambda: torch.vstack([x, v[:2]]),
    lambda: torch.hstack([x, v]),
    lambda: torch.cat([x, s]),
    lambda: torch.dstack([x, torch.ones(3, 2)]),
    lambda: torch.fliplr(v),
    lambda: torch.flipud(s),
    lambda: torch.rot90(x, 1, (0, 0)),
    lambda: torch.rot90(x, 1, (0, -2)),
    lambda: torch.rot90(x, 1, (0,)),
    lambda: torch.rot90(v),
    lambda: torch.rot90(x, 1, (0, 2)),
    lambda: torch.rot90(x, 1.5),
]
for attempt in tries:
    try:
        attempt()
    except Exception as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([0., 1., 2., 0., 1., 2.]) tensor([4., 4.]) tensor([[0., 1., 2.],\n'
            '        [0., 1., 2.]])\n'
            'tensor([[[0., 0.],\n'
            '         [1., 1.],\n'
            '         [2., 2.]]]) torch.Size([1, 1, 2]) tensor([[0., 1., 2.],\n'
            '        [0., 1., 2.],\n'
            '        [3., 4., 5.]])\n'
            'tensor([[0., 0.],\n'
            '        [1., 1.],\n'
            '        [2., 2.]]) tensor([[0., 0., 3.],\n'
            '        [1., 1., 4.],\n'
            '        [2., 2., 5.]])\n'
            'tensor([1, 2, 1, 0])\n'
            "hstack (6,) CatBackward0 ['SelectBackward0', 'MulBackward0']\n"
            "vstack (2, 3) CatBackward0 ['UnsqueezeBackward0', 'UnsqueezeBackward0']\n"
            "dstack (1, 3, 2) CatBackward0 ['UnsqueezeBackward0', 'UnsqueezeBackward0']\n"
            "column_stack (3, 2) CatBackward0 ['ViewBackward0', 'ViewBackward0']\n"
            "row_stack (2, 3) CatBackward0 ['UnsqueezeBackward0', 'UnsqueezeBackward0']\n"
            'tensor([[ 3.,  1.,  2.],\n'
            '        [11.,  5.,  6.]])\n'
            'tensor([[0., 1., 2.],\n'
            '        [0., 1., 2.]]) torch.Size([2, 3]) torch.Size([2, 3])\n'
            'tensor([[2., 1., 0.],\n'
            '        [5., 4., 3.]]) tensor([[3., 4., 5.],\n'
            '        [0., 1., 2.]]) tensor([2., 1., 0.])\n'
            'tensor([[2., 5.],\n'
            '        [1., 4.],\n'
            '        [0., 3.]]) tensor([[5., 4., 3.],\n'
            '        [2., 1., 0.]]) tensor([[3., 0.],\n'
            '        [4., 1.],\n'
            '        [5., 2.]]) torch.Size([2, 3])\n'
            '<Rot90Backward0 object at 0x…> tensor([[ 7.,  3.,  2.],\n'
            '        [16.,  8.,  7.]])\n'
            'tensor([[3., 4., 5.],\n'
            '        [0., 1., 2.]]) True tensor([[3, 1],\n'
            '        [4, 2]])\n'
            'RuntimeError hstack expects a non-empty TensorList\n'
            "TypeError hstack(): argument 'tensors' (position 1) must be tuple of Tensors, not Tensor\n"
            'RuntimeError Sizes of tensors must match except in dimension 0. Expected size 3 but got size 2 for tensor number 1 in the list.\n'  # noqa: E501
            'RuntimeError Tensors must have same number of dimensions: got 2 and 1\n'
            'RuntimeError zero-dimensional tensor (at position 1) cannot be concatenated\n'
            'RuntimeError Sizes of tensors must match except in dimension 2. Expected size 2 but got size 3 for tensor number 1 in the list.\n'  # noqa: E501
            'RuntimeError Input must be >= 2-d.\n'
            'RuntimeError Input must be >= 1-d.\n'
            'RuntimeError expected rotation dims to be different, but got dim0 = 0 and dim1 = 0\n'
            'RuntimeError expected rotation dims to be different, but got dim0 = 0 and dim1 = -2\n'
            'RuntimeError expected total rotation dims == 2, but got dims = 1\n'
            'RuntimeError expected total dims >= 2, but got total dims = 1\n'
            'IndexError Dimension out of range (expected to be in range of [-2, 1], but got 2)\n'
            "TypeError rot90(): argument 'k' (position 2) must be int, not float\n"
        ),
    ),
    # tensor_split (sections or indices, as slice bounds), hsplit, vsplit and dsplit: SliceBackward0 views
    # that may be changed in place (unlike split's), with PyTorch's refusals.
    "tensor_split_hsplit_vsplit_dsplit": (
        r"""
import torch
r = torch.arange(7)
x = torch.arange(6.).reshape(2, 3)
print(torch.tensor_split(r, 3), torch.tensor_split(r, [1, 5]), torch.tensor_split(r, (1, 9)))
print(torch.tensor_split(r, [5, 1]), torch.tensor_split(r, [-1]), r.tensor_split(10))
print(torch.tensor_split(x, 2, dim=1), torch.tensor_split(x, torch.tensor(2), 1))
print(torch.tensor_split(x, torch.tensor([1]), 1), torch.tensor_split(r, indices=[2]))
print(torch.tensor_split(r, sections=2))
print(torch.tensor_split(r, tensor_indices_or_sections=torch.tensor(2)))
print(torch.hsplit(x, 3), torch.hsplit(torch.arange(3.), [1]), x.vsplit([1]), torch.vsplit(x, 2))
print(torch.dsplit(torch.arange(8.).reshape(1, 2, 4), 2), x.hsplit((1, 2)))
a = torch.ones(2, 3, requires_grad=True)
b = a * 1
left, right = torch.tensor_split(b, 2, 1)
print(left.grad_fn, right.grad_fn)
right.mul_(5)
print(b)
(left.sum() * 2 + right.sum()).backward()
print(a.grad)
parts = torch.hsplit(b, 3)
parts[2].zero_()
print(b, [p.grad_fn.name() for p in parts])
tries = [
    lambda: torch.tensor_split(x, 0),
    lambda: torch.tensor_split(torch.tensor(1.), 1),
    lambda: torch.tensor_split(x, 3, 2),
    lambda: torch.tensor_split(r, torch.tensor([[1]])),
    lambda: torch.tensor_split(r, torch.tensor([1.])),
    lambda: torch.hsplit(x, 2),
    lambda: torch.hsplit(x, 0),
    lambda: torch.vsplit(torch.arange(3.), 1),
    lambda: torch.hsplit(torch.tensor(1.), 1),
    lambda: torch.dsplit(x, 1),
    lambda: torch.vsplit(x, torch.tensor([1])),
]
for attempt in tries:
    try:
        attempt()
    except Exception as error:
        print(type(error).__name__, error)
""",
        (
            '(tensor([0, 1, 2]), tensor([3, 4]), tensor([5, 6])) (tensor([0]), tensor([1, 2, 3, 4]), tensor([5, 6])) (tensor([0]), tensor([1, 2, 3, 4, 5, 6]), tensor([], dtype=torch.int64))\n'  # noqa: E501
            '(tensor([0, 1, 2, 3, 4]), tensor([], dtype=torch.int64), tensor([1, 2, 3, 4, 5, 6])) (tensor([0, 1, 2, 3, 4, 5]), tensor([6])) (tensor([0]), tensor([1]), tensor([2]), tensor([3]), tensor([4]), tensor([5]), tensor([6]), tensor([], dtype=torch.int64), tensor([], dtype=torch.int64), tensor([], dtype=torch.int64))\n'  # noqa: E501
            '(tensor([[0., 1.],\n'
            '        [3., 4.]]), tensor([[2.],\n'
            '        [5.]])) (tensor([[0., 1.],\n'
            '        [3., 4.]]), tensor([[2.],\n'
            '        [5.]]))\n'
            '(tensor([[0.],\n'
            '        [3.]]), tensor([[1., 2.],\n'
            '        [4., 5.]])) (tensor([0, 1]), tensor([2, 3, 4, 5, 6]))\n'
            '(tensor([0, 1, 2, 3]), tensor([4, 5, 6]))\n'
            '(tensor([0, 1, 2, 3]), tensor([4, 5, 6]))\n'
            '(tensor([[0.],\n'
            '        [3.]]), tensor([[1.],\n'
            '        [4.]]), tensor([[2.],\n'
            '        [5.]])) (tensor([0.]), tensor([1., 2.])) (tensor([[0., 1., 2.]]), tensor([[3., 4., 5.]])) (tensor([[0., 1., 2.]]), tensor([[3., 4., 5.]]))\n'  # noqa: E501
            '(tensor([[[0., 1.],\n'
            '         [4., 5.]]]), tensor([[[2., 3.],\n'
            '         [6., 7.]]])) (tensor([[0.],\n'
            '        [3.]]), tensor([[1.],\n'
            '        [4.]]), tensor([[2.],\n'
            '        [5.]]))\n'
            '<SliceBackward0 object at 0x…> <SliceBackward0 object at 0x…>\n'
            'tensor([[1., 1., 5.],\n'
            '        [1., 1., 5.]], grad_fn=<CopySlices>)\n'
            'tensor([[2., 2., 5.],\n'
            '        [2., 2., 5.]])\n'
            'tensor([[1., 1., 0.],\n'
            "        [1., 1., 0.]], grad_fn=<CopySlices>) ['AsStridedBackward0', 'AsStridedBackward0', 'AsStridedBackward0']\n"  # noqa: E501
            'RuntimeError number of sections must be larger than 0, got 0\n'
            'RuntimeError tensor_split expected at least a 1-dimensional tensor, but got a tensor with 0 dims\n'  # noqa: E501
            'IndexError Dimension out of range (expected to be in range of [-2, 1], but got 2)\n'
            'RuntimeError tensor_split expected tensor_indices_or_sections to be a zero-dimensional or one-dimensional tensor, but got a tensor with 2 dims\n'  # noqa: E501
            'RuntimeError tensor_split expected tensor_indices_or_sections to have dtype of long, but got Float\n'  # noqa: E501
            'RuntimeError torch.hsplit attempted to split along dimension 1, but the size of the dimension 3 is not divisible by the split_size 2!\n'  # noqa: E501
            'RuntimeError torch.hsplit attempted to split along dimension 1, but the size of the dimension 3 is not divisible by the split_size 0!\n'  # noqa: E501
            'RuntimeError torch.vsplit requires a tensor with at least 2 dimension, but got a tensor with 1 dimensions!\n'  # noqa: E501
            'RuntimeError torch.hsplit requires a tensor with at least 1 dimension, but got a tensor with 0 dimensions!\n'  # noqa: E501
            'RuntimeError torch.dsplit requires a tensor with at least 3 dimension, but got a tensor with 2 dimensions!\n'  # noqa: E501
            'TypeError vsplit() received an invalid combination of arguments - got (Tensor, Tensor), but expected one of:\n'  # noqa: E501
            ' * (Tensor input, int sections)\n'
            "      didn't match because some of the arguments have invalid types: (Tensor, !Tensor!)\n"
            ' * (Tensor input, tuple of ints indices)\n'
            "      didn't match because some of the arguments have invalid types: (Tensor, !Tensor!)\n"
            '\n'
        ),
    ),
    # take (TakeBackward0) and take_along_dim (a gather of the input expanded, or viewed flat, as PyTorch
    # builds it; positions along dim taken modulo its size), with PyTorch's refusals.
    "take_and_take_along_dim": (
        r"""
import torch
x = torch.arange(6.).reshape(2, 3)
a = torch.arange(6.).reshape(2, 3).requires_grad_()
print(torch.take(x, torch.tensor([[0, 5], [-1, -6]])))
print(x.take(torch.tensor(3)))
print(torch.take(torch.tensor(5.), torch.tensor(0)))
y = torch.take(a, torch.tensor([0, 0, 5]))
y.backward(torch.tensor([1., 2., 3.]))
print(y, a.grad)
print(torch.take_along_dim(x, torch.tensor([[2, 0]]), 1))
print(torch.take_along_dim(x, torch.tensor([[1, 0, 1]]), 0))
print(torch.take_along_dim(x, torch.tensor([5, 0])))
print(torch.take_along_dim(x, torch.tensor([[-1], [4]]), dim=1))
order = torch.argsort(x, 1, descending=True)
print(torch.take_along_dim(x, order, 1), x.take_along_dim(torch.tensor([[0]]), dim=0))
a.grad = None
y = torch.take_along_dim(a, torch.tensor([[0, 0]]), 1)
y.sum().backward()
print(y, y.grad_fn.next_functions[0][0].name(), a.grad)
print(torch.take_along_dim(a, torch.tensor([[2, 1]])).grad_fn.next_functions[0][0].name())
tries = [
    lambda: torch.take(x, torch.tensor([6])),
    lambda: torch.take(x, torch.tensor([-7])),
    lambda: torch.take(x, torch.tensor([1.])),
    lambda: torch.take(x, [1]),
    lambda: torch.take(torch.ones(0), torch.tensor([0])),
    lambda: torch.take_along_dim(x, torch.tensor([2]), 1),
    lambda: torch.take_along_dim(x, torch.tensor([[1.]]), 1),
    lambda: torch.take_along_dim(x, torch.tensor([[1, 0, 1], [0, 0, 0], [1, 1, 1]]), 1),
    lambda: torch.take_along_dim(x, torch.tensor([[0]]), 2),
    lambda: torch.take_along_dim(x, torch.tensor([7])),
    lambda: torch.take_along_dim(x.t(), torch.tensor([1])),
    lambda: torch.take_along_dim(torch.tensor(3.), torch.tensor(0), 0),
]
for attempt in tries:
    try:
        attempt()
    except Exception as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([[0., 5.],\n'
            '        [5., 0.]])\n'
            'tensor(3.)\n'
            'tensor(5.)\n'
            'tensor([0., 0., 5.], grad_fn=<TakeBackward0>) tensor([[3., 0., 0.],\n'
            '        [0., 0., 3.]])\n'
            'tensor([[2., 0.],\n'
            '        [5., 3.]])\n'
            'tensor([[3., 1., 5.]])\n'
            'tensor([5., 0.])\n'
            'tensor([[2.],\n'
            '        [4.]])\n'
            'tensor([[2., 1., 0.],\n'
            '        [5., 4., 3.]]) tensor([[0., 1., 2.]])\n'
            'tensor([[0., 0.],\n'
            '        [3., 3.]], grad_fn=<GatherBackward0>) ExpandBackward0 tensor([[2., 0., 0.],\n'
            '        [2., 0., 0.]])\n'
            'ViewBackward0\n'
            'IndexError out of range: tried to access index 6 on a tensor of 6 elements.\n'
            'IndexError out of range: tried to access index -7 on a tensor of 6 elements.\n'
            'RuntimeError take(): Expected a long tensor for index, but got Float\n'
            "TypeError take(): argument 'index' (position 2) must be Tensor, not list\n"
            'IndexError take(): tried to take from an empty tensor\n'
            'RuntimeError torch.take_along_dim(): input and indices should have the same number of dimensions, but got 2 dimensions for input, and 1 dimensions for indices\n'  # noqa: E501
            'RuntimeError torch.take_along_dim(): dtype of indices should be Long but got Float\n'
            'RuntimeError The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0\n'  # noqa: E501
            'IndexError Dimension out of range (expected to be in range of [-2, 1], but got 2)\n'
            'RuntimeError index 7 is out of bounds for dimension 0 with size 6\n'
            "RuntimeError view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.\n"  # noqa: E501
            'IndexError Dimension specified as 0 but tensor has no dimensions\n'
        ),
    ),
    # index_add (alpha), index_copy and index_fill (a number or a 0-d tensor) and their _ forms: PyTorch's
    # nodes and gradients (repeats add up or the last copy stays), and each op's own refusals.
    "index_add_copy_fill_and_their_in_place_forms": (
        r"""
import torch
x = torch.zeros(3, 2)
src = torch.arange(4.).reshape(2, 2)
i = torch.tensor([2, 0])
print(torch.index_add(x, 0, i, src), torch.index_add(x, 0, torch.tensor([1, 1]), src, alpha=2))
print(x.index_add(1, torch.tensor([1]), torch.ones(3, 1)))
print(torch.index_add(torch.tensor(1.), 0, torch.tensor(0), torch.tensor(5.)))
print(torch.index_add(torch.zeros(3, dtype=torch.long), 0, i, torch.tensor([1, 2]), alpha=0.5))
print(torch.index_copy(x, 0, i, src), torch.index_copy(x, 0, torch.tensor([1, 1]), src))
print(torch.index_fill(x, 0, i, 7), torch.index_fill(x, 1, torch.tensor([-1]), -1.5))
print(torch.index_fill(torch.zeros(2, dtype=torch.long), 0, torch.tensor([0]), 2.7))
print(x.index_fill(0, torch.tensor(1), True))
w = torch.zeros(3, 2, requires_grad=True)
s = torch.ones(2, 2, requires_grad=True)
v = torch.tensor(2., requires_grad=True)
g = torch.arange(6.).reshape(3, 2)
i = torch.tensor([2, 2])
cases = [lambda: torch.index_add(w, 0, i, s, alpha=3), lambda: torch.index_copy(w, 0, i, s),
         lambda: torch.index_fill(w, 0, i, 5.), lambda: torch.index_fill(w, 0, i, v),
         lambda: (w * 1).index_add_(0, i, s), lambda: (w * 1).index_copy_(0, torch.tensor([0, 1]), s),
         lambda: (w * 1).index_fill_(0, i, v)]
for make in cases:
    for t in (w, s, v):
        t.grad = None
    y = make()
    y.backward(g)
    print(y.grad_fn.name(), y.detach().tolist(), w.grad.tolist(), s.grad, v.grad)
t = torch.ones(3)
t.index_fill_(0, torch.tensor([0]), 0).index_add_(0, torch.tensor([2]), torch.tensor([5.]))
print(t)
tries = [
    lambda: torch.index_add(x, 0, torch.tensor([3, 0]), src),
    lambda: torch.index_add(x, 0, torch.tensor([-1, 0]), src),
    lambda: torch.index_add(x, 0, torch.tensor([0.]), src[:1]),
    lambda: torch.index_add(x, 0, torch.tensor([[0]]), src[:1]),
    lambda: torch.index_add(x, 0, i, torch.ones(2, 3)),
    lambda: torch.index_add(x, 0, i, torch.ones(3, 2)),
    lambda: torch.index_add(x, 0, i, src.double()),
    lambda: torch.index_add(x, 1, torch.tensor([1]), torch.ones(3)),
    lambda: torch.index_copy(x, 0, torch.tensor([3, 0]), src),
    lambda: torch.index_copy(x, 0, i, torch.ones(2, 3)),
    lambda: torch.index_copy(x, 0, i, torch.ones(2)),
    lambda: torch.index_copy(x, 0, torch.tensor([0], dtype=torch.int32), src[:1]),
    lambda: torch.index_copy(x, 0, torch.tensor([0, 1, 2]), src),
    lambda: torch.index_copy(torch.zeros(3, 4, 5), 1, torch.tensor([0]), torch.ones(2, 1, 6)),
    lambda: torch.index_fill(x, 0, torch.tensor([3]), 1),
    lambda: torch.index_fill(x, 0, i, torch.tensor([2.])),
    lambda: torch.index_fill(x, 0, torch.tensor([0], dtype=torch.int32), 1),
    lambda: torch.index_fill(x, 0, torch.tensor([[0]]), 1),
    lambda: w.index_add_(0, torch.tensor([0]), torch.ones(1, 2)),
]
for attempt in tries:
    try:
        attempt()
    except Exception as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([[2., 3.],\n'
            '        [0., 0.],\n'
            '        [0., 1.]]) tensor([[0., 0.],\n'
            '        [4., 8.],\n'
            '        [0., 0.]])\n'
            'tensor([[0., 1.],\n'
            '        [0., 1.],\n'
            '        [0., 1.]])\n'
            'tensor(6.)\n'
            'tensor([0, 0, 0])\n'
            'tensor([[2., 3.],\n'
            '        [0., 0.],\n'
            '        [0., 1.]]) tensor([[0., 0.],\n'
            '        [2., 3.],\n'
            '        [0., 0.]])\n'
            'tensor([[7., 7.],\n'
            '        [0., 0.],\n'
            '        [7., 7.]]) tensor([[ 0.0000, -1.5000],\n'
            '        [ 0.0000, -1.5000],\n'
            '        [ 0.0000, -1.5000]])\n'
            'tensor([2, 0])\n'
            'tensor([[0., 0.],\n'
            '        [1., 1.],\n'
            '        [0., 0.]])\n'
            'IndexAddBackward0 [[0.0, 0.0], [0.0, 0.0], [6.0, 6.0]] [[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]] tensor([[12., 15.],\n'  # noqa: E501
            '        [12., 15.]]) None\n'
            'IndexCopyBackward0 [[0.0, 0.0], [0.0, 0.0], [1.0, 1.0]] [[0.0, 1.0], [2.0, 3.0], [0.0, 0.0]] tensor([[4., 5.],\n'  # noqa: E501
            '        [4., 5.]]) None\n'
            'IndexFillBackward0 [[0.0, 0.0], [0.0, 0.0], [5.0, 5.0]] [[0.0, 1.0], [2.0, 3.0], [0.0, 0.0]] None None\n'  # noqa: E501
            'IndexFillBackward1 [[0.0, 0.0], [0.0, 0.0], [2.0, 2.0]] [[0.0, 1.0], [2.0, 3.0], [0.0, 0.0]] None tensor(9.)\n'  # noqa: E501
            'IndexAddBackward0 [[0.0, 0.0], [0.0, 0.0], [2.0, 2.0]] [[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]] tensor([[4., 5.],\n'  # noqa: E501
            '        [4., 5.]]) None\n'
            'IndexCopyBackward0 [[1.0, 1.0], [1.0, 1.0], [0.0, 0.0]] [[0.0, 0.0], [0.0, 0.0], [4.0, 5.0]] tensor([[0., 1.],\n'  # noqa: E501
            '        [2., 3.]]) None\n'
            'IndexFillBackward1 [[0.0, 0.0], [0.0, 0.0], [2.0, 2.0]] [[0.0, 1.0], [2.0, 3.0], [0.0, 0.0]] None tensor(9.)\n'  # noqa: E501
            'tensor([0., 1., 6.])\n'
            'RuntimeError index 3 is out of bounds for dimension 0 with size 3\n'
            'RuntimeError index -1 is out of bounds for dimension 0 with size 3\n'
            'RuntimeError index_add_(): Expected dtype int32/int64 for index but got: Float\n'
            'IndexError index_add_(): Index is supposed to be a vector, but got dim: 2 with type: Long and size: [1, 1]\n'  # noqa: E501
            'RuntimeError source tensor shape must match self tensor shape, excluding the specified dimension. Got self.shape = [3, 2] source.shape = [2, 3]\n'  # noqa: E501
            'RuntimeError index_add_(): Number of indices (2) should be equal to source.size(dim): (3), for dim: 0\n'  # noqa: E501
            'RuntimeError index_add_(): self (Float) and source (Double) must have the same scalar type\n'
            'RuntimeError index_add_(): Indexing dim 1 is out of bounds of the source tensor with dim 1\n'
            'IndexError index_copy_(): index 3 is out of bounds for dimension 0 with size 3\n'
            'RuntimeError index_copy_(): Source/destination tensor must have same slice shapes. Destination slice shape: 2 at dimension 0 and source slice shape: 3 at dimension 0.\n'  # noqa: E501
            'IndexError index_copy_(): When source and destination are not scalars, their dimensionality must match. Source dimensionality (1), destination dimensionality (2)\n'  # noqa: E501
            'RuntimeError index_copy_(): Expected a long tensor for index, but got Int\n'
            'IndexError index_copy_(): Number of indices (3) should be equal to source.size(dim) (2)\n'
            'RuntimeError index_copy_(): Source/destination tensor must have same slice shapes. Destination slice shape: 3 5 at dimension 1 and source slice shape: 2 6 at dimension 0.\n'  # noqa: E501
            'IndexError index 3 is out of bounds for dimension 0 with size 3\n'
            'RuntimeError index_fill_ only supports a 0-dimensional value tensor, but got tensor with 1 dimension(s).\n'  # noqa: E501
            'IndexError index_fill_(): Expected dtype int64 for index.\n'
            'RuntimeError Index has to be a vector/scalar\n'
            'RuntimeError a leaf Variable that requires grad is being used in an in-place operation.\n'
        ),
    ),
    # index_put(_) (integer or boolean indices, accumulate) and masked_scatter(_) (the mask broadcast; in
    # place it must expand to self): PyTorch's nodes, gradients and refusals.
    "index_put_and_masked_scatter": (
        r"""
import torch
z = torch.zeros(3, 2)
rows, cols = torch.tensor([0, 2]), torch.tensor([1, 0])
print(torch.index_put(z, (rows, cols), torch.tensor([5., 6.])))
print(z.index_put((torch.tensor([0, 0]), torch.tensor([1, 1])), torch.tensor([5., 6.]), accumulate=True))
print(torch.index_put(z, (torch.tensor([True, False, True]),), torch.tensor(9.)))
print(torch.index_put(z, [torch.tensor([1], dtype=torch.int32)], torch.tensor([7., 8.])))
print(torch.index_put(z, (torch.tensor([[0, 1], [2, 2]]),), torch.tensor([[1.], [2.]])))
print(torch.index_put(torch.zeros(3, dtype=torch.long), (torch.tensor([0, 0]),), torch.tensor(2), True))
t = torch.zeros(3, 2)
t.index_put_((torch.tensor([-1]),), torch.tensor(3.))
print(torch.index_put_(t, (torch.tensor([0]),), torch.tensor([1., 2.]), accumulate=True))
m = torch.tensor([[True, False], [False, False], [True, True]])
print(torch.masked_scatter(z, m, torch.arange(1., 7.)))
print(z.masked_scatter(torch.tensor([True, False]), torch.arange(5.)))
print(torch.masked_scatter(torch.zeros(3), torch.ones(2, 3).bool(), torch.arange(6.)))
x = torch.zeros(3, 2, requires_grad=True)
s = torch.arange(1., 7.).requires_grad_()
g = torch.arange(6.).reshape(3, 2)
cases = [lambda: torch.index_put(x, (torch.tensor([2, 2]),), s[:2]),
         lambda: torch.index_put(x, (torch.tensor([2, 2]),), s[:2], accumulate=True),
         lambda: (x * 1).index_put_((m,), s[:3]),
         lambda: torch.masked_scatter(x, m, s),
         lambda: x.masked_scatter(torch.tensor([True, False]), s),
         lambda: (x * 1).masked_scatter_(torch.tensor([[True], [False], [True]]), s.view(2, 3))]
for make in cases:
    x.grad = None
    s.grad = None
    y = make()
    y.backward(g)
    print(y.grad_fn.name(), [n.name() for n, _ in y.grad_fn.next_functions], y.detach().tolist())
    print(x.grad.tolist(), s.grad)
tries = [
    lambda: torch.index_put(z, (torch.tensor([3]),), torch.tensor(1.)),
    lambda: torch.index_put(z, (torch.tensor([0.]),), torch.tensor(1.)),
    lambda: torch.index_put(z, (torch.tensor([0]),), 1.),
    lambda: torch.index_put(z, (torch.tensor([0]),), torch.tensor([1., 2., 3.])),
    lambda: torch.index_put(z, (torch.tensor([0]),), torch.ones(1, 1, 2)),
    lambda: torch.index_put(z, (torch.tensor([0]),), torch.tensor(1., dtype=torch.float64)),
    lambda: torch.index_put(z, (rows, rows, rows), torch.tensor(1.)),
    lambda: torch.index_put(z, (torch.tensor([0, 1]), torch.tensor([0, 1, 1])), torch.tensor(1.)),
    lambda: torch.index_put(z, (None, torch.tensor([1])), torch.tensor(4.)),
    lambda: torch.index_put(z, (torch.tensor([True, False]),), torch.tensor(1.)),
    lambda: torch.index_put(z, torch.tensor([0]), torch.tensor(1.)),
    lambda: torch.masked_scatter(z, torch.tensor([1, 0]), torch.ones(6)),
    lambda: torch.masked_scatter(z, torch.ones(3, 2).bool(), torch.ones(5)),
    lambda: torch.masked_scatter(z, torch.ones(3, 3).bool(), torch.ones(9)),
    lambda: torch.masked_scatter(z, m, torch.ones(6).double()),
    lambda: torch.masked_scatter(z, m, 3.),
    lambda: z.masked_scatter_(torch.ones(2, 3, 2).bool(), torch.arange(12.)),
    lambda: x.masked_scatter_(m, s),
]
for attempt in tries:
    try:
        attempt()
    except Exception as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([[0., 5.],\n'
            '        [0., 0.],\n'
            '        [6., 0.]])\n'
            'tensor([[ 0., 11.],\n'
            '        [ 0.,  0.],\n'
            '        [ 0.,  0.]])\n'
            'tensor([[9., 9.],\n'
            '        [0., 0.],\n'
            '        [9., 9.]])\n'
            'tensor([[0., 0.],\n'
            '        [7., 8.],\n'
            '        [0., 0.]])\n'
            'tensor([[1., 1.],\n'
            '        [2., 2.],\n'
            '        [2., 2.]])\n'
            'tensor([4, 0, 0])\n'
            'tensor([[1., 2.],\n'
            '        [0., 0.],\n'
            '        [3., 3.]])\n'
            'tensor([[1., 0.],\n'
            '        [0., 0.],\n'
            '        [2., 3.]])\n'
            'tensor([[0., 0.],\n'
            '        [1., 0.],\n'
            '        [2., 0.]])\n'
            'tensor([[0., 1., 2.],\n'
            '        [3., 4., 5.]])\n'
            "IndexPutBackward0 ['torch::autograd::AccumulateGrad', 'SliceBackward0'] [[0.0, 0.0], [0.0, 0.0], [1.0, 2.0]]\n"  # noqa: E501
            '[[0.0, 1.0], [2.0, 3.0], [0.0, 0.0]] tensor([ 8., 10.,  0.,  0.,  0.,  0.])\n'
            "IndexPutBackward0 ['torch::autograd::AccumulateGrad', 'SliceBackward0'] [[0.0, 0.0], [0.0, 0.0], [2.0, 4.0]]\n"  # noqa: E501
            '[[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]] tensor([ 8., 10.,  0.,  0.,  0.,  0.])\n'
            "IndexPutBackward0 ['MulBackward0', 'SliceBackward0'] [[1.0, 0.0], [0.0, 0.0], [2.0, 3.0]]\n"
            '[[0.0, 1.0], [2.0, 3.0], [0.0, 0.0]] tensor([0., 4., 5., 0., 0., 0.])\n'
            "MaskedScatterBackward0 ['torch::autograd::AccumulateGrad', 'torch::autograd::AccumulateGrad'] [[1.0, 0.0], [0.0, 0.0], [2.0, 3.0]]\n"  # noqa: E501
            '[[0.0, 1.0], [2.0, 3.0], [0.0, 0.0]] tensor([0., 4., 5., 0., 0., 0.])\n'
            "MaskedScatterBackward0 ['torch::autograd::AccumulateGrad', 'torch::autograd::AccumulateGrad'] [[1.0, 0.0], [2.0, 0.0], [3.0, 0.0]]\n"  # noqa: E501
            '[[0.0, 1.0], [0.0, 3.0], [0.0, 5.0]] tensor([0., 2., 4., 0., 0., 0.])\n'
            "MaskedScatterBackward0 ['MulBackward0', 'ViewBackward0'] [[1.0, 2.0], [0.0, 0.0], [3.0, 4.0]]\n"
            '[[0.0, 0.0], [2.0, 3.0], [0.0, 0.0]] tensor([0., 1., 4., 5., 0., 0.])\n'
            'IndexError index 3 is out of bounds for dimension 0 with size 3\n'
            'IndexError tensors used as indices must be long, int, byte or bool tensors\n'
            "TypeError index_put(): argument 'values' (position 3) must be Tensor, not float\n"
            'RuntimeError shape mismatch: value tensor of shape [3] cannot be broadcast to indexing result of shape [1, 2]\n'  # noqa: E501
            'RuntimeError shape mismatch: value tensor of shape [1, 1, 2] cannot be broadcast to indexing result of shape [1, 2]\n'  # noqa: E501
            'RuntimeError Index put requires the source and destination dtypes match, got Float for the destination and Double for the source.\n'  # noqa: E501
            'IndexError too many indices for tensor of dimension 2 (got 3)\n'
            'IndexError shape mismatch: indexing tensors could not be broadcast together with shapes [2], [3]\n'  # noqa: E501
            'TypeError expected Tensor as element 0 in argument 1, but got NoneType\n'
            'IndexError The shape of the mask [2] at index 0 does not match the shape of the indexed tensor [3, 2] at index 0\n'  # noqa: E501
            "TypeError index_put(): argument 'indices' (position 2) must be tuple of Tensors, not Tensor\n"
            'RuntimeError masked_scatter_ only supports boolean masks, but got mask with dtype Long\n'
            'RuntimeError Number of elements of source < number of ones in mask\n'
            'RuntimeError The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1\n'  # noqa: E501
            'RuntimeError masked_scatter: expected self and source to have same dtypes but gotFloat and Double\n'  # noqa: E501
            "TypeError masked_scatter(): argument 'source' (position 3) must be Tensor, not float\n"
            'RuntimeError expand(CPUBoolType{[2, 3, 2]}, size=[3, 2]): the number of sizes provided (2) must be greater or equal to the number of dimensions in the tensor (3)\n'  # noqa: E501
            'RuntimeError a leaf Variable that requires grad is being used in an in-place operation.\n'
        ),
    ),
    # searchsorted (side/right, sorter, rows of boundaries, out_int32) and bucketize: PyTorch's bisection
    # step by step, so unsorted boundaries and NaNs give PyTorch's positions; dtypes promoted as PyTorch's;
    # its refusals.
    "searchsorted_and_bucketize": (
        r"""
import torch
b = torch.tensor([1., 3., 5., 7.])
v = torch.tensor([0., 3., 6., 9.])
print(torch.searchsorted(b, v))
print(torch.searchsorted(b, v, right=True))
print(torch.searchsorted(b, v, side="right"))
print(torch.searchsorted(b, 3.), torch.searchsorted(b, 3), torch.searchsorted(b, torch.tensor(3.)))
print(torch.searchsorted(b, torch.tensor([[2., 6.], [0., 8.]]), out_int32=True))
rows = torch.tensor([[1., 3.], [2., 4.]])
print(torch.searchsorted(rows, torch.tensor([[2.], [3.]])))
print(torch.searchsorted(rows, torch.tensor([[2., 5.], [0., 4.]]), right=True))
unsorted = torch.tensor([5., 1., 3.])
print(torch.searchsorted(unsorted, torch.tensor([2., 4.])))
print(torch.searchsorted(unsorted, torch.tensor([2., 4.]), sorter=torch.argsort(unsorted)))
print(torch.searchsorted(b, torch.tensor([float('nan')])))
print(torch.searchsorted(torch.tensor([1., float('nan')]), torch.tensor([2.])))
print(torch.searchsorted(b, torch.tensor([2, 3])))
print(torch.searchsorted(torch.tensor([1, 3, 5]), torch.tensor([2.5])))
print(torch.searchsorted(torch.tensor([0.1]), torch.tensor(0.1, dtype=torch.float64), right=True))
print(torch.searchsorted(torch.tensor([0.1]), torch.tensor([0.1], dtype=torch.float64), right=True))
print(torch.searchsorted(torch.tensor([0.1]), 0.1, right=True), torch.searchsorted(b, torch.tensor([])))
print(torch.searchsorted(torch.tensor([]), torch.tensor([3.])))
print(torch.searchsorted(b, torch.tensor([3.], requires_grad=True)))
print(torch.bucketize(v, b), torch.bucketize(torch.tensor([3.]), b, right=True), torch.bucketize(3., b))
print(torch.bucketize(torch.tensor([[2., 6.], [0., 8.]]), b, out_int32=True))
print(torch.bucketize(torch.tensor([2, 4]), unsorted))
out = torch.empty(0, dtype=torch.long)
torch.bucketize(v, b, out=out)
print(out)
tries = [
    lambda: torch.searchsorted(b, torch.tensor([3.]), side="left", right=True),
    lambda: torch.searchsorted(b, torch.tensor([3.]), side="middle"),
    lambda: torch.searchsorted(rows, torch.tensor([2.])),
    lambda: torch.searchsorted(torch.tensor(1.), torch.tensor([3.])),
    lambda: torch.searchsorted(b, torch.tensor([3.]), sorter=torch.tensor([0, 1])),
    lambda: torch.searchsorted(b, torch.tensor([3.]), sorter=torch.tensor([0., 1, 2, 3])),
    lambda: torch.searchsorted(b, torch.tensor([3.]), sorter=torch.tensor([0, 1, 2, 9])),
    lambda: torch.searchsorted(torch.tensor([True, False]), torch.tensor([True])),
    lambda: torch.bucketize(torch.tensor([3.]), rows),
    lambda: torch.bucketize(torch.tensor([3.]), torch.tensor(1.)),
]
for attempt in tries:
    try:
        attempt()
    except Exception as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([0, 1, 3, 4])\n'
            'tensor([0, 2, 3, 4])\n'
            'tensor([0, 2, 3, 4])\n'
            'tensor(1) tensor(1) tensor(1)\n'
            'tensor([[1, 3],\n'
            '        [0, 4]], dtype=torch.int32)\n'
            'tensor([[1],\n'
            '        [1]])\n'
            'tensor([[1, 2],\n'
            '        [0, 2]])\n'
            'tensor([2, 3])\n'
            'tensor([1, 2])\n'
            'tensor([4])\n'
            'tensor([2])\n'
            'tensor([1, 1])\n'
            'tensor([1])\n'
            'tensor(1)\n'
            'tensor([0])\n'
            'tensor(1) tensor([], dtype=torch.int64)\n'
            'tensor([0])\n'
            'tensor([1])\n'
            'tensor([0, 1, 3, 4]) tensor([2]) tensor(1)\n'
            'tensor([[1, 3],\n'
            '        [0, 4]], dtype=torch.int32)\n'
            'tensor([2, 3])\n'
            'tensor([0, 1, 3, 4])\n'
            "RuntimeError torch.searchsorted(): side and right can't be set to opposites, got side of left while right was True\n"  # noqa: E501
            "RuntimeError torch.searchsorted(): side can only be 'left' or 'right' but got middle\n"
            'RuntimeError torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 dimensions of boundaries tensor and input value tensor must match, but we got boundaries tensor [2, 2] and input value tensor [1]\n'  # noqa: E501
            'RuntimeError torch.searchsorted(): boundaries tensor should have positive dimension, but got 0 dimension\n'  # noqa: E501
            'RuntimeError torch.searchsorted(): boundary and sorter must have the same size, but got boundary tensor [4]and got sorter tensor [2]\n'  # noqa: E501
            'RuntimeError torch.searchsorted(): sorter must be a tensor of long dtype but got dtype Float\n'
            'RuntimeError torch.searchsorted(): sorter index out of range\n'
            'NotImplementedError "searchsorted_out_cpu" not implemented for \'Bool\'\n'
            'RuntimeError boundaries tensor must be 1 dimension, but got dim(2)\n'
            'RuntimeError boundaries tensor must be 1 dimension, but got dim(0)\n'
        ),
    ),
    # unique_consecutive (return_inverse, return_counts, dim; NaNs never equal): the
    # UniqueConsecutiveBackward0 PyTorch records, whose backward PyTorch refuses, and its refusals.
    "unique_consecutive_runs_inverse_and_counts": (
        r"""
import torch
x = torch.tensor([1, 1, 2, 2, 3, 1, 1, 2])
print(torch.unique_consecutive(x), torch.unique_consecutive(x, return_inverse=True))
print(torch.unique_consecutive(x, return_counts=True), torch.unique_consecutive(x, True, True))
print(x.unique_consecutive(return_counts=True, return_inverse=True), x.unique_consecutive(dim=-1))
m = torch.tensor([[1, 1], [1, 1], [2, 3]])
print(torch.unique_consecutive(m, dim=0))
print(torch.unique_consecutive(m, return_inverse=True, return_counts=True, dim=0))
print(torch.unique_consecutive(m, dim=1, return_inverse=True))
print(torch.unique_consecutive(m, return_inverse=True))
print(torch.unique_consecutive(torch.tensor([1., float('nan'), float('nan'), 2.]), return_counts=True))
print(torch.unique_consecutive(torch.tensor([[1., float('nan')], [1., float('nan')]]), dim=0))
print(torch.unique_consecutive(torch.tensor(5.), return_inverse=True, return_counts=True))
print(torch.unique_consecutive(torch.tensor([]), return_inverse=True, return_counts=True))
print(torch.unique_consecutive(torch.tensor([True, True, False])))
print(torch.unique_consecutive(torch.tensor([0., -0.0, 1.])))
print(torch.unique_consecutive(torch.ones(2, 0), dim=1, return_counts=True))
w = torch.tensor([1., 1., 2.], requires_grad=True)
y = torch.unique_consecutive(w)
print(y, y.grad_fn.next_functions[0][0].variable is w)
tries = [
    lambda: y.sum().backward(),
    lambda: torch.unique_consecutive(x, dim=1),
    lambda: torch.unique_consecutive(torch.tensor(5.), dim=0),
    lambda: torch.unique_consecutive(torch.ones(2, 0), dim=0),
]
for attempt in tries:
    try:
        attempt()
    except Exception as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([1, 2, 3, 1, 2]) (tensor([1, 2, 3, 1, 2]), tensor([0, 0, 1, 1, 2, 3, 3, 4]))\n'
            '(tensor([1, 2, 3, 1, 2]), tensor([2, 2, 1, 2, 1])) (tensor([1, 2, 3, 1, 2]), tensor([0, 0, 1, 1, 2, 3, 3, 4]), tensor([2, 2, 1, 2, 1]))\n'  # noqa: E501
            '(tensor([1, 2, 3, 1, 2]), tensor([0, 0, 1, 1, 2, 3, 3, 4]), tensor([2, 2, 1, 2, 1])) tensor([1, 2, 3, 1, 2])\n'  # noqa: E501
            'tensor([[1, 1],\n'
            '        [2, 3]])\n'
            '(tensor([[1, 1],\n'
            '        [2, 3]]), tensor([0, 0, 1]), tensor([2, 1]))\n'
            '(tensor([[1, 1],\n'
            '        [1, 1],\n'
            '        [2, 3]]), tensor([0, 1]))\n'
            '(tensor([1, 2, 3]), tensor([[0, 0],\n'
            '        [0, 0],\n'
            '        [1, 2]]))\n'
            '(tensor([1., nan, nan, 2.]), tensor([1, 1, 1, 1]))\n'
            'tensor([[1., nan],\n'
            '        [1., nan]])\n'
            '(tensor([5.]), tensor(0), tensor([1]))\n'
            '(tensor([]), tensor([], dtype=torch.int64), tensor([], dtype=torch.int64))\n'
            'tensor([ True, False])\n'
            'tensor([0., 1.])\n'
            '(tensor([], size=(2, 0)), tensor([], dtype=torch.int64))\n'
            'tensor([1., 2.], grad_fn=<UniqueConsecutiveBackward0>) True\n'
            "NotImplementedError the derivative for 'unique_consecutive' is not implemented.\n"
            'IndexError Dimension out of range (expected to be in range of [-1, 0], but got 1)\n'
            'IndexError Dimension specified as 0 but tensor has no dimensions\n'
            "RuntimeError There are 0 sized dimensions, and they aren't selected, so unique cannot be applied\n"  # noqa: E501
        ),
    ),
    # cartesian_prod and combinations as PyTorch builds them (meshgrid views flattened or masked, then
    # stacked) and block_diag (BlockDiagBackward0, numbers as 1x1 and rows as 1xn, dtypes promoted); their
    # refusals.
    "cartesian_prod_combinations_block_diag": (
        r"""
import torch
a = torch.tensor([1., 2.])
b = torch.tensor([3., 4., 5.])
print(torch.cartesian_prod(a, b))
print(torch.cartesian_prod(a, b, a).shape)
print(torch.cartesian_prod(a, torch.tensor([])))
print(torch.combinations(b), torch.combinations(b, 3), torch.combinations(b, with_replacement=True))
print(torch.combinations(b, 0), torch.combinations(b, 4), torch.combinations(b, 1))
print(torch.combinations(torch.tensor([1, 2, 3]), r=2, with_replacement=True))
print(torch.combinations(torch.tensor([]), 2))
print(torch.block_diag(torch.ones(2, 2), torch.tensor([[5.]])))
print(torch.block_diag(torch.tensor([1, 2]), torch.tensor(3)))
print(torch.block_diag(), torch.block_diag(torch.ones(0, 2), torch.ones(2, 0)))
print(torch.block_diag(torch.tensor([[True]]), torch.tensor([1.5])))
x = torch.tensor([1., 2.], requires_grad=True)
y = torch.tensor([3., 4., 5.], requires_grad=True)
print(torch.cartesian_prod(x) is x)
makers = [lambda: torch.cartesian_prod(x, y), lambda: torch.combinations(y),
          lambda: torch.combinations(y, with_replacement=True), lambda: torch.combinations(y, 1),
          lambda: torch.block_diag(x, y.view(3, 1)), lambda: torch.block_diag(x, y.double())]
for make in makers:
    x.grad = None
    y.grad = None
    r = make()
    r.backward(torch.arange(float(r.numel())).reshape(r.shape).to(r.dtype))
    g = r.grad_fn
    print(g.name(), [n.name() for n, _ in g.next_functions], r.dtype, x.grad, y.grad)
print(torch.cartesian_prod(x, y).grad_fn.next_functions[0][0].next_functions[0][0].name())
tries = [
    lambda: torch.cartesian_prod(a, torch.tensor([7, 8])),
    lambda: torch.cartesian_prod(),
    lambda: torch.cartesian_prod(torch.ones(2, 2)),
    lambda: torch.cartesian_prod([a, b]),
    lambda: torch.combinations(b, -1),
    lambda: torch.combinations(torch.tensor(1.)),
    lambda: torch.block_diag(torch.ones(2, 2, 2)),
    lambda: torch.block_diag([torch.ones(1)]),
]
for attempt in tries:
    try:
        attempt()
    except Exception as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([[1., 3.],\n'
            '        [1., 4.],\n'
            '        [1., 5.],\n'
            '        [2., 3.],\n'
            '        [2., 4.],\n'
            '        [2., 5.]])\n'
            'torch.Size([12, 3])\n'
            'tensor([], size=(0, 2))\n'
            'tensor([[3., 4.],\n'
            '        [3., 5.],\n'
            '        [4., 5.]]) tensor([[3., 4., 5.]]) tensor([[3., 3.],\n'
            '        [3., 4.],\n'
            '        [3., 5.],\n'
            '        [4., 4.],\n'
            '        [4., 5.],\n'
            '        [5., 5.]])\n'
            'tensor([]) tensor([], size=(0, 4)) tensor([[3.],\n'
            '        [4.],\n'
            '        [5.]])\n'
            'tensor([[1, 1],\n'
            '        [1, 2],\n'
            '        [1, 3],\n'
            '        [2, 2],\n'
            '        [2, 3],\n'
            '        [3, 3]])\n'
            'tensor([], size=(0, 2))\n'
            'tensor([[1., 1., 0.],\n'
            '        [1., 1., 0.],\n'
            '        [0., 0., 5.]])\n'
            'tensor([[1, 2, 0],\n'
            '        [0, 0, 3]])\n'
            'tensor([], size=(1, 0)) tensor([[0., 0.],\n'
            '        [0., 0.]])\n'
            'tensor([[1.0000, 0.0000],\n'
            '        [0.0000, 1.5000]])\n'
            'True\n'
            "StackBackward0 ['UnsafeViewBackward0', 'UnsafeViewBackward0'] torch.float32 tensor([ 6., 24.]) tensor([ 8., 12., 16.])\n"  # noqa: E501
            "StackBackward0 ['MaskedSelectBackward0', 'MaskedSelectBackward0'] torch.float32 None tensor([2., 5., 8.])\n"  # noqa: E501
            "StackBackward0 ['MaskedSelectBackward0', 'MaskedSelectBackward0'] torch.float32 None tensor([ 7., 24., 35.])\n"  # noqa: E501
            "StackBackward0 ['MaskedSelectBackward0'] torch.float32 None tensor([0., 1., 2.])\n"
            "BlockDiagBackward0 ['torch::autograd::AccumulateGrad', 'ViewBackward0'] torch.float32 tensor([0., 1.]) tensor([ 5.,  8., 11.])\n"  # noqa: E501
            "BlockDiagBackward0 ['torch::autograd::AccumulateGrad', 'ToCopyBackward0'] torch.float64 tensor([0., 1.]) tensor([7., 8., 9.])\n"  # noqa: E501
            'CloneBackward0\n'
            'RuntimeError meshgrid expects all tensors to have the same dtype\n'
            'RuntimeError meshgrid expects a non-empty TensorList\n'
            'RuntimeError Expect a 1D vector, but got shape [2, 2]\n'
            'TypeError expected Tensor as element 0 in argument 0, but got list\n'
            'RuntimeError Expect a non-negative number, but got -1\n'
            'RuntimeError Expect a 1D vector, but got shape []\n'
            'RuntimeError torch.block_diag: Input tensors must have 2 or fewer dimensions. Input 0 has 3 dimensions\n'  # noqa: E501
            'TypeError expected Tensor as element 0 in argument 0, but got list\n'
        ),
    ),
    # tril_indices/triu_indices (offset, integer dtypes) and unravel_index (positions taken modulo the shape,
    # as PyTorch 2.13 does), with PyTorch's refusals.
    "tril_triu_indices_and_unravel_index": (
        r"""
import torch
print(torch.tril_indices(3, 3), torch.tril_indices(3, 4, 1), torch.tril_indices(4, 3, -1))
print(torch.triu_indices(3, 3), torch.triu_indices(3, 4, -1), torch.triu_indices(4, 3, 2))
print(torch.tril_indices(0, 3))
print(torch.triu_indices(3, 3, 10))
print(torch.tril_indices(3, 3, dtype=torch.int32))
print(torch.unravel_index(torch.tensor(4), (3, 2)), torch.unravel_index(torch.tensor([4, 1]), (3, 2)))
print(torch.unravel_index(torch.tensor([[1, 5]]), torch.Size([2, 3])))
print(torch.unravel_index(torch.tensor(6), (3, 2)))
print(torch.unravel_index(torch.tensor(-1), (3, 2)), torch.unravel_index(torch.tensor(3), 4))
print(torch.unravel_index(torch.tensor(3), ()))
print(torch.unravel_index(torch.tensor([3], dtype=torch.int32), (2, 2)))
print(torch.unravel_index(torch.tensor([], dtype=torch.long), [2, 2]))
tries = [
    lambda: torch.tril_indices(-1, 3),
    lambda: torch.triu_indices(3, -2),
    lambda: torch.tril_indices(3, 3, dtype=torch.float32),
    lambda: torch.tril_indices(3.0, 3),
    lambda: torch.unravel_index(5, (3, 2)),
    lambda: torch.unravel_index(torch.tensor(1.), (3, 2)),
    lambda: torch.unravel_index(torch.tensor(0), (0,)),
    lambda: torch.unravel_index(torch.tensor(3), (-1, 2)),
    lambda: torch.unravel_index(torch.tensor(3), (2.0, 2)),
]
for attempt in tries:
    try:
        attempt()
    except Exception as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([[0, 1, 1, 2, 2, 2],\n'
            '        [0, 0, 1, 0, 1, 2]]) tensor([[0, 0, 1, 1, 1, 2, 2, 2, 2],\n'
            '        [0, 1, 0, 1, 2, 0, 1, 2, 3]]) tensor([[1, 2, 2, 3, 3, 3],\n'
            '        [0, 0, 1, 0, 1, 2]])\n'
            'tensor([[0, 0, 0, 1, 1, 2],\n'
            '        [0, 1, 2, 1, 2, 2]]) tensor([[0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2],\n'
            '        [0, 1, 2, 3, 0, 1, 2, 3, 1, 2, 3]]) tensor([[0],\n'
            '        [2]])\n'
            'tensor([], size=(2, 0), dtype=torch.int64)\n'
            'tensor([], size=(2, 0), dtype=torch.int64)\n'
            'tensor([[0, 1, 1, 2, 2, 2],\n'
            '        [0, 0, 1, 0, 1, 2]], dtype=torch.int32)\n'
            '(tensor(2), tensor(0)) (tensor([2, 0]), tensor([0, 1]))\n'
            '(tensor([[0, 1]]), tensor([[1, 2]]))\n'
            '(tensor(0), tensor(0))\n'
            '(tensor(2), tensor(1)) (tensor(3),)\n'
            '()\n'
            '(tensor([1]), tensor([1]))\n'
            '(tensor([], dtype=torch.int64), tensor([], dtype=torch.int64))\n'
            'RuntimeError row must be non-negative, got-1\n'
            'RuntimeError col must be non-negative, got-2\n'
            'NotImplementedError "tril_indices" not implemented for \'Float\'\n'
            "TypeError tril_indices(): argument 'row' (position 1) must be int, not float\n"
            "AttributeError 'int' object has no attribute 'is_complex'\n"
            "TypeError expected 'indices' to be integer dtype, but got torch.float32\n"
            'RuntimeError ZeroDivisionError\n'
            "ValueError 'shape' cannot have negative values, but got (-1, 2)\n"
            "TypeError expected 'shape' sequence to only contain ints, but got <class 'float'>\n"
        ),
    ),
    # scatter_reduce (sum, prod, mean, amax, amin; max/min as aliases; include_self) and scatter_reduce_:
    # integer means rounded down, NaNs kept by amax/amin, booleans as logic; scatter's refusals.
    "scatter_reduce_sum_prod_mean_amax_amin": (
        r"""
import torch
x = torch.tensor([1., 2., 3., 4.])
src = torch.tensor([5., 6., 7., 8., 9.])
idx = torch.tensor([0, 1, 0, 1, 3])
for r in ["sum", "prod", "mean", "amax", "amin"]:
    print(r, torch.scatter_reduce(x, 0, idx, src, r))
    print(x.scatter_reduce(0, idx, src, r, include_self=False))
xi, si = torch.tensor([1, 2, 3, 4]), torch.tensor([5, 6, 7, 8, 9])
for r in ["sum", "prod", "mean", "amax", "amin"]:
    print(r, torch.scatter_reduce(xi, 0, idx, si, r))
    print(torch.scatter_reduce(xi, 0, idx, si, r, include_self=False))
neg = torch.tensor([-5, 6, -8, 1, 3])
print(torch.scatter_reduce(torch.tensor([-1, -2, 0, 0]), 0, idx, neg, "mean", include_self=False))
nans = torch.tensor([1., float('nan'), 3., 4.])
print(torch.scatter_reduce(nans, 0, idx, torch.tensor([5., 6., float('nan'), 8., 9.]), "amax"))
with_nan = torch.tensor([5., 6., float('nan'), 8., 9.])
print(torch.scatter_reduce(nans, 0, idx, with_nan, "amin", include_self=False))
print(torch.scatter_reduce(x, 0, idx, src, "max"))
print(torch.scatter_reduce(x, 0, idx, src, "min", include_self=False))
b = torch.tensor([True, False])
print(torch.scatter_reduce(b, 0, torch.tensor([0, 1]), torch.tensor([False, True]), "sum"))
print(torch.scatter_reduce(b, 0, torch.tensor([0, 1]), torch.tensor([False, True]), "prod"))
print(torch.scatter_reduce(x, 0, torch.tensor([], dtype=torch.long), src, "mean"))
t = x.clone()
t.scatter_reduce_(0, idx, src, "prod")
print(t)
tries = [
    lambda: torch.scatter_reduce(x, 0, idx, src, "foo"),
    lambda: torch.scatter_reduce(x, 0, idx, src),
    lambda: torch.scatter_reduce(x, 0, idx, src.double(), "sum"),
    lambda: torch.scatter_reduce(x, 0, torch.tensor([4]), src, "sum"),
    lambda: torch.scatter_reduce(x, 0, idx.float(), src, "sum"),
    lambda: torch.scatter_reduce(x, 0, torch.tensor([0, 1, 0, 1, 3, 2]), src, "sum"),
    lambda: torch.scatter_reduce(x, 0, torch.tensor([[0]]), src, "sum"),
    lambda: torch.scatter_reduce(x, 0, idx, 2.0, "sum"),
    lambda: torch.scatter_reduce(b, 0, torch.tensor([0, 1]), torch.tensor([False, True]), "mean"),
    lambda: torch.scatter_reduce(torch.ones(2, requires_grad=True), 0, torch.tensor([0, 1]),
                                 torch.ones(3, requires_grad=True), "sum").sum().backward(),
]
for attempt in tries:
    try:
        attempt()
    except Exception as error:
        print(type(error).__name__, error)
""",
        (
            'sum tensor([13., 16.,  3., 13.])\n'
            'tensor([12., 14.,  3.,  9.])\n'
            'prod tensor([35., 96.,  3., 36.])\n'
            'tensor([35., 48.,  3.,  9.])\n'
            'mean tensor([4.3333, 5.3333, 3.0000, 6.5000])\n'
            'tensor([6., 7., 3., 9.])\n'
            'amax tensor([7., 8., 3., 9.])\n'
            'tensor([7., 8., 3., 9.])\n'
            'amin tensor([1., 2., 3., 4.])\n'
            'tensor([5., 6., 3., 9.])\n'
            'sum tensor([13, 16,  3, 13])\n'
            'tensor([12, 14,  3,  9])\n'
            'prod tensor([35, 96,  3, 36])\n'
            'tensor([35, 48,  3,  9])\n'
            'mean tensor([4, 5, 3, 6])\n'
            'tensor([6, 7, 3, 9])\n'
            'amax tensor([7, 8, 3, 9])\n'
            'tensor([7, 8, 3, 9])\n'
            'amin tensor([1, 2, 3, 4])\n'
            'tensor([5, 6, 3, 9])\n'
            'tensor([-7,  3,  0,  3])\n'
            'tensor([nan, nan, 3., 9.])\n'
            'tensor([nan, 6., 3., 9.])\n'
            'tensor([7., 8., 3., 9.])\n'
            'tensor([5., 6., 3., 9.])\n'
            'tensor([True, True])\n'
            'tensor([False, False])\n'
            'tensor([1., 2., 3., 4.])\n'
            'tensor([35., 96.,  3., 36.])\n'
            'RuntimeError reduce argument must be either sum, prod, mean, amax or amin, got foo\n'
            'TypeError scatter_reduce() missing 1 required positional arguments: "reduce"\n'
            'RuntimeError scatter(): Expected self.dtype to be equal to src.dtype\n'
            'RuntimeError index 4 is out of bounds for dimension 0 with size 4\n'
            'RuntimeError scatter(): Expected dtype int32/int64 for index\n'
            'RuntimeError Expected index [6] to be no larger than self [4] apart from dimension 0 and to be no larger size than src [5]\n'  # noqa: E501
            'RuntimeError Index tensor must have the same number of dimensions as self tensor\n'
            "TypeError scatter_reduce(): argument 'src' (position 4) must be Tensor, not float\n"
            'NotImplementedError "scatter_gather_tensor_cpu_reduce_mean" not implemented for \'Bool\'\n'
            'RuntimeError Function ScatterReduceBackward0 returned an invalid gradient at index 1 - got [2] but expected shape compatible with [3]\n'  # noqa: E501
        ),
    ),
    # ScatterReduceBackward0's gradients for every reduction, with and without self: PyTorch's formulas
    # (prod around zeros, mean's counts, amax/amin ties sharing evenly, self counted even when left out).
    "scatter_reduce_gradients_as_pytorchs_formulas": (
        r"""
import torch
index = torch.tensor([[0, 1, 0], [1, 1, 3]])
g = torch.tensor([[1., 2., 3., 4.], [5., 6., 7., 8.]])
for r in ["sum", "prod", "mean", "amax", "amin"]:
    for inc in (True, False):
        a = torch.tensor([[1., 0., 3., 4.], [2., 2., 0., 5.]], requires_grad=True)
        s = torch.tensor([[5., 0., 1.], [2., 3., 5.]], requires_grad=True)
        y = torch.scatter_reduce(a, 1, index, s, r, include_self=inc)
        y.backward(g)
        print(r, inc, y.grad_fn.name(), y.detach().tolist())
        print(a.grad.tolist(), s.grad.tolist())
a = torch.zeros(2, requires_grad=True)
s = torch.tensor([0., 0., 2.], requires_grad=True)
y = (a * 1).scatter_reduce_(0, torch.tensor([0, 0, 1]), s, "prod", include_self=False)
y.sum().backward()
print(y, a.grad, s.grad)
""",
        (
            'sum True ScatterReduceBackward0 [[7.0, 0.0, 3.0, 4.0], [2.0, 7.0, 0.0, 10.0]]\n'
            '[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]] [[1.0, 2.0, 1.0], [6.0, 6.0, 8.0]]\n'
            'sum False ScatterReduceBackward0 [[6.0, 0.0, 3.0, 4.0], [2.0, 5.0, 0.0, 5.0]]\n'
            '[[0.0, 0.0, 3.0, 4.0], [5.0, 0.0, 7.0, 0.0]] [[1.0, 2.0, 1.0], [6.0, 6.0, 8.0]]\n'
            'prod True ScatterReduceBackward0 [[5.0, 0.0, 3.0, 4.0], [2.0, 12.0, 0.0, 25.0]]\n'
            '[[5.0, 0.0, 3.0, 4.0], [5.0, 36.0, 7.0, 40.0]] [[1.0, 0.0, 5.0], [36.0, 24.0, 40.0]]\n'
            'prod False ScatterReduceBackward0 [[5.0, 0.0, 3.0, 4.0], [2.0, 6.0, 0.0, 5.0]]\n'
            '[[0.0, 0.0, 3.0, 4.0], [5.0, 0.0, 7.0, 0.0]] [[1.0, 2.0, 5.0], [18.0, 12.0, 8.0]]\n'
            'mean True ScatterReduceBackward0 [[2.3333332538604736, 0.0, 3.0, 4.0], [2.0, 2.3333332538604736, 0.0, 5.0]]\n'  # noqa: E501
            '[[0.3333333432674408, 1.0, 3.0, 4.0], [5.0, 2.0, 7.0, 4.0]] [[0.3333333432674408, 1.0, 0.3333333432674408], [2.0, 2.0, 4.0]]\n'  # noqa: E501
            'mean False ScatterReduceBackward0 [[3.0, 0.0, 3.0, 4.0], [2.0, 2.5, 0.0, 5.0]]\n'
            '[[0.0, 0.0, 3.0, 4.0], [5.0, 0.0, 7.0, 0.0]] [[0.5, 2.0, 0.5], [3.0, 3.0, 8.0]]\n'
            'amax True ScatterReduceBackward0 [[5.0, 0.0, 3.0, 4.0], [2.0, 3.0, 0.0, 5.0]]\n'
            '[[0.0, 1.0, 3.0, 4.0], [5.0, 0.0, 7.0, 4.0]] [[1.0, 1.0, 0.0], [0.0, 6.0, 4.0]]\n'
            'amax False ScatterReduceBackward0 [[5.0, 0.0, 3.0, 4.0], [2.0, 3.0, 0.0, 5.0]]\n'
            '[[0.0, 0.0, 3.0, 4.0], [5.0, 0.0, 7.0, 0.0]] [[1.0, 1.0, 0.0], [0.0, 6.0, 4.0]]\n'
            'amin True ScatterReduceBackward0 [[1.0, 0.0, 3.0, 4.0], [2.0, 2.0, 0.0, 5.0]]\n'
            '[[0.5, 1.0, 3.0, 4.0], [5.0, 3.0, 7.0, 4.0]] [[0.0, 1.0, 0.5], [3.0, 0.0, 4.0]]\n'
            'amin False ScatterReduceBackward0 [[1.0, 0.0, 3.0, 4.0], [2.0, 2.0, 0.0, 5.0]]\n'
            '[[0.0, 0.0, 3.0, 4.0], [5.0, 0.0, 7.0, 0.0]] [[0.0, 1.0, 0.5], [3.0, 0.0, 4.0]]\n'
            'tensor([0., 2.], grad_fn=<ScatterReduceBackward0>) tensor([0., 0.]) tensor([0., 0., 1.])\n'
        ),
    ),
    # argsort, amin/aminmax, the index writes, searchsorted, rot90, the stacks and splits, unique_consecutive
    # and scatter_reduce on tensors with no elements (and a few strides): what PyTorch gives.
    "new_shape_index_search_ops_on_empty_tensors": (
        r"""
import torch
for shape in [(3, 0), (0, 3), (0,)]:
    t = torch.ones(shape)
    print(torch.argsort(t), torch.argsort(t, 0, True), torch.sort(t).indices.shape)
print(torch.amin(torch.ones(3, 0), 0), torch.aminmax(torch.ones(3, 0), dim=0))
print(torch.index_add(torch.ones(2, 0), 1, torch.tensor([], dtype=torch.long), torch.ones(2, 0)))
print(torch.take(torch.ones(0), torch.tensor([], dtype=torch.long)))
print(torch.searchsorted(torch.ones(2, 0), torch.ones(2, 3)))
print(torch.rot90(torch.ones(0, 2), 1).shape, torch.hstack([torch.ones(0), torch.ones(2)]))
print(torch.block_diag(torch.tensor(2.), torch.ones(0, 2)))
print(torch.masked_scatter(torch.ones(0), torch.ones(0).bool(), torch.ones(0)))
print(torch.index_put(torch.ones(0, 2), (torch.tensor([], dtype=torch.long),), torch.tensor(1.)))
print(torch.unique_consecutive(torch.ones(0, 2), dim=0, return_inverse=True, return_counts=True))
x = torch.arange(24.).reshape(2, 3, 4)
print(torch.movedim(x, (0, 1, 2), (2, 0, 1)).stride(), torch.swapaxes(x, 0, 2).is_contiguous())
print(torch.tensor_split(torch.ones(0, 3), 2), torch.vsplit(torch.ones(4, 2), [-1]))
print(torch.scatter_reduce(torch.ones(2, 3), 1, torch.tensor([[2], [0]]), torch.tensor([[5.], [6.]]), "mean"))
print(torch.combinations(torch.tensor([1, 2, 3, 4]), 3, True).shape)
print(torch.searchsorted(torch.ones(0, 3), torch.ones(0, 2)))
print(torch.searchsorted(torch.ones(2, 2, 3), torch.zeros(2, 2, 1)))
print(torch.bucketize(torch.ones(0, 2), torch.ones(3)), torch.argsort(torch.ones(2, 0, 3), dim=1))
""",
        (
            'tensor([], size=(3, 0), dtype=torch.int64) tensor([], size=(3, 0), dtype=torch.int64) torch.Size([3, 0])\n'  # noqa: E501
            'tensor([], size=(0, 3), dtype=torch.int64) tensor([], size=(0, 3), dtype=torch.int64) torch.Size([0, 3])\n'  # noqa: E501
            'tensor([], dtype=torch.int64) tensor([], dtype=torch.int64) torch.Size([0])\n'
            'tensor([]) torch.return_types.aminmax(\n'
            'min=tensor([]),\n'
            'max=tensor([]))\n'
            'tensor([], size=(2, 0))\n'
            'tensor([])\n'
            'tensor([[0, 0, 0],\n'
            '        [0, 0, 0]])\n'
            'torch.Size([2, 0]) tensor([1., 1.])\n'
            'tensor([[2., 0., 0.]])\n'
            'tensor([])\n'
            'tensor([], size=(0, 2))\n'
            '(tensor([], size=(0, 2)), tensor([], dtype=torch.int64), tensor([], dtype=torch.int64))\n'
            '(4, 1, 12) False\n'
            '(tensor([], size=(0, 3)), tensor([], size=(0, 3))) (tensor([[1., 1.],\n'
            '        [1., 1.],\n'
            '        [1., 1.]]), tensor([[1., 1.]]))\n'
            'tensor([[1.0000, 1.0000, 3.0000],\n'
            '        [3.5000, 1.0000, 1.0000]])\n'
            'torch.Size([20, 3])\n'
            'tensor([], size=(0, 2), dtype=torch.int64)\n'
            'tensor([[[0],\n'
            '         [0]],\n'
            '\n'
            '        [[0],\n'
            '         [0]]])\n'
            'tensor([], size=(0, 2), dtype=torch.int64) tensor([], size=(2, 0, 3), dtype=torch.int64)\n'
        ),
    ),
    # F.kl_div and nn.KLDivLoss built from xlogy, a product and a difference (an exponential with log_target),
    # as PyTorch builds them; batchmean per sample, sum, none; the reduction refused.
    "kl_div_as_pytorchs": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F

logits = torch.tensor([[1.0, 2.0, 0.5], [0.3, -1.0, 2.0]], requires_grad=True)
target = torch.tensor([[0.2, 0.3, 0.5], [0.0, 0.4, 0.6]])
log_probs = F.log_softmax(logits, dim=1)
loss = F.kl_div(log_probs, target, reduction="batchmean")
print(loss, loss.grad_fn, loss.grad_fn.next_functions)
loss.backward()
print(logits.grad)
print(F.kl_div(log_probs, target, reduction="none"))
print(F.kl_div(log_probs, target, reduction="sum"), F.kl_div(log_probs[0], target[0], reduction="batchmean"))
print(F.kl_div(log_probs, target.log(), reduction="sum", log_target=True))
criterion = nn.KLDivLoss(reduction="batchmean", log_target=True)
print(criterion, criterion.reduction, criterion(log_probs, F.log_softmax(torch.ones(2, 3), 1)))
try:
    F.kl_div(log_probs, target, reduction="average")
except ValueError as error:
    print(type(error).__name__, error)
""",
        (
            'tensor(0.5604, grad_fn=<DivBackward0>) <DivBackward0 object at 0x…> ((<SumBackward0 object at 0x…>, 0), (None, 0))\n'  # noqa: E501
            'tensor([[ 0.0156,  0.1643, -0.1799],\n'
            '        [ 0.0741, -0.1798,  0.1057]])\n'
            'tensor([[-0.0290, -0.2219,  0.6356],\n'
            '        [ 0.0000,  0.9171, -0.1811]], grad_fn=<SubBackward0>)\n'
            'tensor(1.1207, grad_fn=<SumBackward0>) tensor(0.1282, grad_fn=<DivBackward0>)\n'
            'tensor(nan, grad_fn=<SumBackward0>)\n'
            'KLDivLoss() batchmean tensor(0.4381, grad_fn=<DivBackward0>)\n'
            'ValueError average is not a valid value for reduction\n'
        ),
    ),
    # quantile and nanquantile built as PyTorch builds them (sort, ranks, two gathers, an in-place lerp,
    # in-place squeeze/unsqueeze/transpose named as PyTorch names them), every interpolation, NaNs, refusals.
    "quantile_and_nanquantile_as_pytorchs": (
        r"""
import torch


def nodes(t, depth=0):
    # the graph behind t, one node per line
    lines = []
    for node, _ in ((t.grad_fn, 0),) if depth == 0 else t:
        if node is not None:
            lines.append("  " * depth + type(node).__name__)
            lines += nodes(node.next_functions, depth + 1)
    return lines


a = torch.tensor([[1., 2., 3., 4.], [2., 0., 1., 5.]], requires_grad=True)
median = torch.quantile(a, 0.5)
print(median)
print("\n".join(nodes(median)))
median.backward()
print(a.grad)
q = torch.tensor([0.1, 0.5, 0.9])
print(torch.quantile(a, q, dim=1), a.quantile(0.3, 0, keepdim=True))
print(torch.quantile(a, q, dim=0, keepdim=True).shape, torch.quantile(a, 0.5, keepdim=True))
for mode in ("lower", "higher", "midpoint", "nearest"):
    print(mode, torch.quantile(a, 0.4, dim=1, interpolation=mode))
b = torch.tensor([[1., float("nan"), 3.], [float("nan"), float("nan"), float("nan")]])
print(torch.quantile(b, 0.5, dim=1), torch.nanquantile(b, 0.5, dim=1), b.nanquantile(q))
print(torch.quantile(torch.tensor(3.), 0.25), torch.quantile(a, 1))
empty, longs = torch.tensor([]), torch.arange(4)
for bad in (lambda: torch.quantile(a, 1.5), lambda: torch.quantile(a, torch.tensor([0.5, 1.5])),
            lambda: torch.quantile(longs, 0.5), lambda: torch.quantile(empty, 0.5),
            lambda: torch.quantile(a, 0.5, interpolation="bad"), lambda: torch.quantile(a, q.double())):
    try:
        bad()
    except RuntimeError as error:
        print(type(error).__name__, error)
""",
        (
            'tensor(2., grad_fn=<SqueezeBackward4>)\n'
            'SqueezeBackward4\n'
            '  LerpBackward1\n'
            '    GatherBackward0\n'
            '      ViewBackward0\n'
            '        SortBackward0\n'
            '          ViewBackward0\n'
            '            AccumulateGrad\n'
            '    GatherBackward0\n'
            '      ViewBackward0\n'
            '        SortBackward0\n'
            '          ViewBackward0\n'
            '            AccumulateGrad\n'
            'tensor([[0.0000, 0.5000, 0.0000, 0.0000],\n'
            '        [0.5000, 0.0000, 0.0000, 0.0000]])\n'
            'tensor([[1.3000, 0.3000],\n'
            '        [2.5000, 1.5000],\n'
            '        [3.7000, 4.1000]], grad_fn=<SqueezeBackward4>) tensor([[1.3000, 0.6000, 1.6000, 4.3000]], grad_fn=<SqueezeBackward4>)\n'  # noqa: E501
            'torch.Size([3, 1, 4]) tensor([[2.]], grad_fn=<SqueezeBackward4>)\n'
            'lower tensor([2., 1.], grad_fn=<SqueezeBackward4>)\n'
            'higher tensor([3., 2.], grad_fn=<SqueezeBackward4>)\n'
            'midpoint tensor([2.5000, 1.5000], grad_fn=<SqueezeBackward4>)\n'
            'nearest tensor([2., 1.], grad_fn=<SqueezeBackward4>)\n'
            'tensor([nan, nan]) tensor([2., nan]) tensor([1.2000, 2.0000, 2.8000])\n'
            'tensor(3.) tensor(5., grad_fn=<SqueezeBackward4>)\n'
            'RuntimeError quantile() q must be in the range [0, 1] but got 1.5\n'
            'RuntimeError quantile() q values must be in the range [0, 1]\n'
            'RuntimeError quantile() input tensor must be either float or double dtype\n'
            'RuntimeError quantile() input tensor must be non-empty\n'
            'RuntimeError quantile() interpolation must be one of linear, lower, higher, midpoint or nearest, but got bad\n'  # noqa: E501
            'RuntimeError quantile() q tensor must be same dtype as the input tensor\n'
        ),
    ),
    # squeeze_, unsqueeze_, transpose_, t_ and swapaxes_ record the same nodes as their out-of-place forms
    # under PyTorch's in-place names (SqueezeBackward3/4, UnsqueezeBackward1, TransposeBackward1, TBackward1).
    "in_place_view_ops_record_pytorchs_in_place_nodes": (
        r"""
import torch

x = torch.ones(2, 1, 3, requires_grad=True)
for name, changed in (
    ("squeeze_()", x.clone().squeeze_()),
    ("squeeze_(1)", x.clone().squeeze_(1)),
    ("unsqueeze_(0)", x.clone().unsqueeze_(0)),
    ("transpose_(0, 2)", x.clone().transpose_(0, 2)),
    ("t_()", x[0].clone().t_()),
    ("swapaxes_(0, 1)", x.clone().swapaxes_(0, 1)),
):
    print(name, changed.grad_fn, changed.shape)
y = x.clone().transpose_(0, 2)
y.sum().backward()
print(x.grad.shape)
""",
        (
            'squeeze_() <SqueezeBackward3 object at 0x…> torch.Size([2, 3])\n'
            'squeeze_(1) <SqueezeBackward4 object at 0x…> torch.Size([2, 3])\n'
            'unsqueeze_(0) <UnsqueezeBackward1 object at 0x…> torch.Size([1, 2, 1, 3])\n'
            'transpose_(0, 2) <TransposeBackward1 object at 0x…> torch.Size([3, 1, 2])\n'
            't_() <TBackward1 object at 0x…> torch.Size([3, 1])\n'
            'swapaxes_(0, 1) <TransposeBackward1 object at 0x…> torch.Size([1, 2, 3])\n'
            'torch.Size([2, 1, 3])\n'
        ),
    ),
    # torch.diag_embed (offset, dim1, dim2 anywhere) and diagflat (a contiguous flat view first): values,
    # DiagEmbedBackward0 gradients and PyTorch's refusals
    "diag_embed_and_diagflat": (
        r"""
import torch
v = torch.tensor([1., 2., 3.], requires_grad=True)
d = torch.diag_embed(v)
print(d, v.diag_embed(offset=-1))
(d * torch.arange(9.).reshape(3, 3)).sum().backward()
print(v.grad)
a = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
e = torch.diag_embed(a, 1, 0, 2)
print(e, e.shape, e.grad_fn)
e.backward(torch.ones(3, 2, 3))
print(a.grad)
print(torch.diag_embed(a, dim1=-1, dim2=0).shape, torch.diag_embed(torch.tensor([1, 2])))
print(torch.diag_embed(torch.tensor([True, False])), torch.diag_embed(torch.ones(0)))
f = torch.diagflat(a.t(), 1)
print(f, f.grad_fn.next_functions, f.grad_fn.next_functions[0][0].next_functions)
a.grad = None
f.sum().backward()
print(a.grad, a.diagflat(-2).shape, torch.diagflat(torch.tensor(5.)))
print(torch.diagflat(torch.tensor([[1, 2], [3, 4]])))
for g in [lambda: torch.diag_embed(a, 0, 1, 1), lambda: torch.diag_embed(a, 0, -1, 2),
          lambda: torch.diag_embed(a, 0, 0, 3), lambda: torch.diag_embed(torch.tensor(1.)),
          lambda: torch.diag_embed(a, 1.5), lambda: torch.diagflat(a, 0.5)]:
    try:
        g()
    except Exception as e:
        print(type(e).__name__, e)
""",
        (
            'tensor([[1., 0., 0.],\n'
            '        [0., 2., 0.],\n'
            '        [0., 0., 3.]], grad_fn=<DiagEmbedBackward0>) tensor([[0., 0., 0., 0.],\n'
            '        [1., 0., 0., 0.],\n'
            '        [0., 2., 0., 0.],\n'
            '        [0., 0., 3., 0.]], grad_fn=<DiagEmbedBackward0>)\n'
            'tensor([0., 4., 8.])\n'
            'tensor([[[0., 1., 0.],\n'
            '         [0., 3., 0.]],\n'
            '\n'
            '        [[0., 0., 2.],\n'
            '         [0., 0., 4.]],\n'
            '\n'
            '        [[0., 0., 0.],\n'
            '         [0., 0., 0.]]], grad_fn=<DiagEmbedBackward0>) torch.Size([3, 2, 3]) <DiagEmbedBackward0 object at 0x…>\n'  # noqa: E501
            'tensor([[1., 1.],\n'
            '        [1., 1.]])\n'
            'torch.Size([2, 2, 2]) tensor([[1, 0],\n'
            '        [0, 2]])\n'
            'tensor([[ True, False],\n'
            '        [False, False]]) tensor([], size=(0, 0))\n'
            'tensor([[0., 1., 0., 0., 0.],\n'
            '        [0., 0., 3., 0., 0.],\n'
            '        [0., 0., 0., 2., 0.],\n'
            '        [0., 0., 0., 0., 4.],\n'
            '        [0., 0., 0., 0., 0.]], grad_fn=<DiagEmbedBackward0>) ((<ViewBackward0 object at 0x…>, 0),) ((<CloneBackward0 object at 0x…>, 0),)\n'  # noqa: E501
            'tensor([[1., 1.],\n'
            '        [1., 1.]]) torch.Size([6, 6]) tensor([[5.]])\n'
            'tensor([[1, 0, 0, 0],\n'
            '        [0, 2, 0, 0],\n'
            '        [0, 0, 3, 0],\n'
            '        [0, 0, 0, 4]])\n'
            'RuntimeError diagonal dimensions cannot be identical 1, 1\n'
            'RuntimeError diagonal dimensions cannot be identical -1, 2\n'
            'IndexError Dimension out of range (expected to be in range of [-3, 2], but got 3)\n'
            'IndexError Dimension out of range (expected to be in range of [-1, 0], but got -2)\n'
            "TypeError diag_embed(): argument 'offset' (position 2) must be int, not float\n"
            "TypeError diagflat(): argument 'offset' (position 2) must be int, not float\n"
        ),
    ),
    # torch.mv, addmv (beta, alpha, a broadcast input, integer factors truncated, in place) and addr
    # (promotion, bools, a float factor refused for integers): values, gradients, PyTorch's refusals
    "mv_addmv_and_addr": (
        r"""
import torch
m = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
v = torch.tensor([1., 0., -1.], requires_grad=True)
b = torch.tensor([0.5, -1.], requires_grad=True)
y = torch.mv(m, v)
print(y, m.mv(v))
y.sum().backward()
print(m.grad, v.grad)
m.grad = v.grad = None
z = torch.addmv(b, m, v, beta=2, alpha=0.5)
print(z, z.grad_fn.next_functions)
z.backward(torch.tensor([1., 3.]))
print(b.grad, m.grad, v.grad)
s = torch.tensor(1., requires_grad=True)
torch.addmv(s, m, v).sum().backward()
print(s.grad)
mi = torch.tensor([[1, 2], [3, 4]])
print(torch.addmv(torch.tensor([1, 1]), mi, torch.tensor([1, 2]), beta=2, alpha=0.9))
nan = torch.tensor([float('nan'), 1.])
print(b.detach().addmv(m.detach(), v.detach(), beta=3), torch.addmv(nan, m, v, beta=0))
x = torch.zeros(2)
print(x.addmv_(m.detach(), v.detach()), x, torch.addmv_(x, m.detach(), v.detach()))
u, w = torch.tensor([1., 2.], requires_grad=True), torch.tensor([3., -1., 0.5])
a = torch.addr(torch.ones(3), u, w, alpha=2)
print(a, a.grad_fn)
a.sum().backward()
print(u.grad)
print(torch.addr(torch.ones(2, 3).long(), torch.tensor([1, 2]), torch.tensor([1, 0, 2]), beta=3))
print(torch.addr(torch.zeros(2, 3).bool(), torch.tensor([True, False]), torch.tensor([True, True, False])))
print(torch.addr(torch.ones(2, 3), torch.tensor([1, 2]), w), torch.ones(2, 3).addr_(u.detach(), w))
for f in [lambda: torch.mv(m, m), lambda: torch.mv(m, torch.ones(2)), lambda: torch.mv(m, v.double()),
          lambda: torch.mv(mi.bool(), torch.ones(2).bool()), lambda: torch.addmv(torch.ones(3), m, v),
          lambda: torch.addmv(torch.ones(2, 1), m, v), lambda: torch.addmv(b.double(), m, v),
          lambda: torch.zeros(1).addmv_(m.detach(), v.detach()), lambda: torch.addr(m, m, w),
          lambda: torch.addr(mi, torch.tensor([1, 2]), torch.tensor([1, 0]), alpha=0.5),
          lambda: torch.addr(torch.ones(2), u, w), lambda: torch.ones(3).addr_(u, w),
          lambda: torch.ones(3, 3).addr_(u, w), lambda: torch.mv(m, 3)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
""",
        (
            'tensor([-2., -2.], grad_fn=<MvBackward0>) tensor([-2., -2.], grad_fn=<MvBackward0>)\n'
            'tensor([[ 1.,  0., -1.],\n'
            '        [ 1.,  0., -1.]]) tensor([5., 7., 9.])\n'
            'tensor([ 0., -3.], grad_fn=<AddmvBackward0>) ((<AccumulateGrad object at 0x…>, 0), (<AccumulateGrad object at 0x…>, 0), (<AccumulateGrad object at 0x…>, 0))\n'  # noqa: E501
            'tensor([2., 6.]) tensor([[ 0.5000,  0.0000, -0.5000],\n'
            '        [ 1.5000,  0.0000, -1.5000]]) tensor([ 6.5000,  8.5000, 10.5000])\n'
            'tensor(2.)\n'
            'tensor([2, 2])\n'
            'tensor([-0.5000, -5.0000]) tensor([-2., -2.], grad_fn=<AddmvBackward0>)\n'
            'tensor([-4., -4.]) tensor([-4., -4.]) tensor([-4., -4.])\n'
            'tensor([[ 7., -1.,  2.],\n'
            '        [13., -3.,  3.]], grad_fn=<AddrBackward0>) <AddrBackward0 object at 0x…>\n'
            'tensor([5., 5.])\n'
            'tensor([[4, 3, 5],\n'
            '        [5, 3, 7]])\n'
            'tensor([[ True,  True, False],\n'
            '        [False, False, False]])\n'
            'tensor([[ 4.0000,  0.0000,  1.5000],\n'
            '        [ 7.0000, -1.0000,  2.0000]]) tensor([[ 4.0000,  0.0000,  1.5000],\n'
            '        [ 7.0000, -1.0000,  2.0000]])\n'
            'RuntimeError vector + matrix @ vector expected, got 1, 2, 2\n'
            'RuntimeError size mismatch, got input (2), mat (2x3), vec (2)\n'
            'RuntimeError addmv input tensors must have the same dtype, but got Double, Float, and Double\n'
            'NotImplementedError "addmv_impl_cpu" not implemented for \'Bool\'\n'
            'RuntimeError size mismatch, got input (3), mat (2x3), vec (3)\n'
            'RuntimeError vector + matrix @ vector expected, got 2, 2, 1\n'
            'RuntimeError addmv input tensors must have the same dtype, but got Double, Float, and Float\n'
            'RuntimeError Bad in-place call: input tensor size [1] and output tensor size [2] should match\n'
            'RuntimeError addr: Expected 1-D argument vec1, but got 2-D\n'
            'RuntimeError For integral input tensors, argument alpha must not be a floating point number.\n'
            'RuntimeError The expanded size of the tensor (3) must match the existing size (2) at non-singleton dimension 1.  Target sizes: [2, 3].  Tensor sizes: [2]\n'  # noqa: E501
            'RuntimeError 2D tensor expected, got 1D tensor for input\n'
            'RuntimeError size mismatch, input: [3, 3], v1: [2], v2: [3]\n'
            "TypeError mv(): argument 'vec' (position 2) must be Tensor, not int\n"
        ),
    ),
    # torch.baddbmm and addbmm: beta/alpha, a broadcast input, integer factors truncated, empty batches,
    # in place (addbmm_ resizes a smaller input, as PyTorch does), gradients, refusals in PyTorch's order
    "baddbmm_and_addbmm": (
        r"""
import torch
b1 = torch.tensor([[[1., 2.]], [[0., -1.]]], requires_grad=True)
b2 = torch.tensor([[[1., 0., 2.], [3., 1., 1.]], [[2., 2., 0.], [1., -1., 1.]]], requires_grad=True)
c = torch.tensor([1., 2., 3.], requires_grad=True)
y = torch.baddbmm(c, b1, b2, beta=0.5, alpha=2)
print(y, y.grad_fn)
y.sum().backward()
print(c.grad, b1.grad, b2.grad, sep="\n")
c.grad = b1.grad = b2.grad = None
z = torch.addbmm(c, b1, b2)
print(z, z.grad_fn.next_functions[0])
z.backward(torch.tensor([[1., 0., 2.]]))
print(c.grad, b1.grad, b2.grad, sep="\n")
i1, i2 = b1.detach().long(), b2.detach().long()
print(torch.baddbmm(torch.ones(2, 1, 3).long(), i1, i2, beta=0.5))
print(torch.addbmm(torch.ones(1, 3).long(), i1, i2, alpha=3), torch.zeros(1).baddbmm(b1, b2).shape)
x = torch.zeros(2, 1, 3)
print(x.baddbmm_(b1.detach(), b2.detach(), alpha=-1), x)
s = torch.zeros(3)
print(s.addbmm_(b1.detach(), b2.detach()), s.shape, torch.addbmm(s, b1[:0], b2[:0]))
nan = torch.full((1, 3), float('nan'))
print(torch.baddbmm(nan, b1, b2, beta=0), torch.addbmm(nan, b1, b2, beta=0))
for f in [lambda: torch.baddbmm(torch.ones(3, 1, 3), b1, b2), lambda: torch.baddbmm(c, b1[0], b2),
          lambda: torch.baddbmm(c, b1, b2[0]), lambda: torch.baddbmm(c, b1, b2[:1]),
          lambda: torch.baddbmm(c, b1, b2[:, :1]), lambda: torch.baddbmm(c.double(), b1, b2),
          lambda: torch.baddbmm(c, b1, b2.double()), lambda: torch.baddbmm(c.bool(), b1.bool(), b2.bool()),
          lambda: torch.zeros(3).baddbmm_(b1, b2), lambda: torch.addbmm(torch.ones(2, 3), b1, b2),
          lambda: torch.addbmm(c, b1, b2[:1]), lambda: torch.addbmm(c, b1, b2[:, :1]),
          lambda: torch.addbmm(c, b1.double(), b2), lambda: torch.addbmm(c.double(), b1, b2),
          lambda: torch.addbmm(c, b1[0], b2), lambda: torch.addbmm(c.bool(), b1.bool(), b2.bool()),
          lambda: torch.ones(2, 2, 3).baddbmm_(b1, b2)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
""",
        (
            'tensor([[[14.5000,  5.0000,  9.5000]],\n'
            '\n'
            '        [[-1.5000,  3.0000, -0.5000]]], grad_fn=<BaddbmmBackward0>) <BaddbmmBackward0 object at 0x…>\n'  # noqa: E501
            'tensor([1., 1., 1.])\n'
            'tensor([[[ 6., 10.]],\n'
            '\n'
            '        [[ 8.,  2.]]])\n'
            'tensor([[[ 2.,  2.,  2.],\n'
            '         [ 4.,  4.,  4.]],\n'
            '\n'
            '        [[ 0.,  0.,  0.],\n'
            '         [-2., -2., -2.]]])\n'
            'tensor([[7., 5., 6.]], grad_fn=<AddbmmBackward0>) (<AccumulateGrad object at 0x…>, 0)\n'
            'tensor([1., 0., 2.])\n'
            'tensor([[[5., 5.]],\n'
            '\n'
            '        [[2., 3.]]])\n'
            'tensor([[[ 1.,  0.,  2.],\n'
            '         [ 2.,  0.,  4.]],\n'
            '\n'
            '        [[ 0.,  0.,  0.],\n'
            '         [-1.,  0., -2.]]])\n'
            'tensor([[[ 7,  2,  4]],\n'
            '\n'
            '        [[-1,  1, -1]]])\n'
            'tensor([[19, 10, 10]]) torch.Size([2, 1, 3])\n'
            'tensor([[[-7., -2., -4.]],\n'
            '\n'
            '        [[ 1., -1.,  1.]]]) tensor([[[-7., -2., -4.]],\n'
            '\n'
            '        [[ 1., -1.,  1.]]])\n'
            'tensor([[6., 3., 3.]]) torch.Size([1, 3]) tensor([[6., 3., 3.]], grad_fn=<AddbmmBackward0>)\n'
            'tensor([[[ 7.,  2.,  4.]],\n'
            '\n'
            '        [[-1.,  1., -1.]]], grad_fn=<BaddbmmBackward0>) tensor([[6., 3., 3.]], grad_fn=<AddbmmBackward0>)\n'  # noqa: E501
            'RuntimeError The expanded size of the tensor (2) must match the existing size (3) at non-singleton dimension 0.  Target sizes: [2, 1, 3].  Tensor sizes: [3, 1, 3]\n'  # noqa: E501
            'RuntimeError batch1 must be a 3D tensor\n'
            'IndexError Dimension out of range (expected to be in range of [-2, 1], but got 2)\n'
            'RuntimeError Expected size for first two dimensions of batch2 tensor to be: [2, 2] but got: [1, 2].\n'  # noqa: E501
            'RuntimeError Expected size for first two dimensions of batch2 tensor to be: [2, 2] but got: [2, 1].\n'  # noqa: E501
            'RuntimeError Input dtypes must be the same, got: input double, batch1: float, batch2: float\n'
            'RuntimeError expected scalar type Float but found Double\n'
            'NotImplementedError "baddbmm" not implemented for \'Bool\'\n'
            'RuntimeError Bad in-place call: input tensor size [3] and output tensor size [2, 1, 3] should match\n'  # noqa: E501
            'RuntimeError The expanded size of the tensor (1) must match the existing size (2) at non-singleton dimension 0.  Target sizes: [1, 3].  Tensor sizes: [2, 3]\n'  # noqa: E501
            'RuntimeError batch1 and batch2 must have same number of batches, got 2 and 1\n'
            'RuntimeError Incompatible matrix sizes for bmm (1x2 and 1x3)\n'
            'RuntimeError mat1 and mat2 must have the same dtype, but got Double and Float\n'
            'RuntimeError self and mat2 must have the same dtype, but got Double and Float\n'
            'RuntimeError batch1 must be a 3D tensor\n'
            'NotImplementedError "addmm_impl_cpu_" not implemented for \'Bool\'\n'
            'RuntimeError The expanded size of the tensor (1) must match the existing size (2) at non-singleton dimension 1.  Target sizes: [2, 1, 3].  Tensor sizes: [2, 2, 3]\n'  # noqa: E501
        ),
    ),
    # torch.kron, vdot, inner, tensordot and linalg.multi_dot built as PyTorch builds them (views, permutes,
    # mm or dot; VdotBackward0): gradients, dims given every way, refusals (kron of a transpose too)
    "kron_vdot_inner_tensordot_and_multi_dot": (
        r"""
import torch
a = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
b = torch.tensor([[0., 1.], [1., 0.]], requires_grad=True)
k = torch.kron(a, b)
print(k, k.grad_fn.next_functions[0][0].next_functions)
k.sum().backward()
print(a.grad, torch.kron(torch.tensor([1, 2]), torch.tensor([[1.], [10.]])))
print(torch.kron(torch.tensor(2.), torch.tensor([1., 3.])), a.kron(b).shape, torch.kron(a.bool(), b.bool()))
v, w = torch.tensor([1., 2., 3.], requires_grad=True), torch.tensor([4., -5., 6.])
d = torch.vdot(v, w)
print(d, v.vdot(w), torch.vdot(v.long(), w.long()))
d.backward()
print(v.grad)
i = torch.inner(a, b)
print(i, i.grad_fn, i.grad_fn.next_functions[0][0].next_functions)
print(torch.inner(v, w).grad_fn.next_functions, torch.inner(a, torch.tensor(2)))
x = torch.arange(24.).reshape(2, 3, 4).requires_grad_()
y = torch.arange(12.).reshape(3, 4)
t = torch.tensordot(x, y)
print(t, t.grad_fn.next_functions[0][0].next_functions)
t.sum().backward()
print(x.grad[0], torch.tensordot(x, y.t(), dims=([1, 2], [1, 0])))
print(torch.tensordot(v, w, dims=0), torch.tensordot(x, y.t(), dims=torch.tensor(1)).shape)
print(torch.tensordot(x.detach(), torch.ones(1, 4), dims=([1], [0])).shape)
m = [torch.ones(2, 3), torch.ones(3, 4), torch.ones(4, 2)]
z = torch.linalg.multi_dot(m)
print(z, torch.linalg.multi_dot([v, y, torch.ones(4)]))
for f in [lambda: torch.kron(a, 2), lambda: torch.kron(a.t(), b), lambda: torch.vdot(a, a),
          lambda: torch.vdot(v, w.double()), lambda: torch.vdot(v, w[:2]),
          lambda: torch.vdot(v.bool(), v.bool()), lambda: torch.inner(a, v),
          lambda: torch.inner(a.long(), b), lambda: torch.inner(a.bool(), b.bool()),
          lambda: torch.tensordot(x, y, dims=3), lambda: torch.tensordot(x, y, dims=-1),
          lambda: torch.tensordot(x, y, dims=([0], [0])), lambda: torch.tensordot(x, y, dims=([1], [0, 1])),
          lambda: torch.tensordot(x, y, dims=([1, 1], [0, 0])), lambda: torch.tensordot(x, y, dims=(1, 0)),
          lambda: torch.linalg.multi_dot([a]), lambda: torch.linalg.multi_dot([a, torch.ones(3, 2)]),
          lambda: torch.linalg.multi_dot([a, a.double()]), lambda: torch.linalg.multi_dot([a, v, a])]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
""",
        (
            'tensor([[0., 1., 0., 2.],\n'
            '        [1., 0., 2., 0.],\n'
            '        [0., 3., 0., 4.],\n'
            '        [3., 0., 4., 0.]], grad_fn=<UnsafeViewBackward0>) ((<UnsafeViewBackward0 object at 0x…>, 0), (<UnsafeViewBackward0 object at 0x…>, 0))\n'  # noqa: E501
            'tensor([[2., 2.],\n'
            '        [2., 2.]]) tensor([[ 1.,  2.],\n'
            '        [10., 20.]])\n'
            'tensor([2., 6.]) torch.Size([4, 4]) tensor([[False,  True, False,  True],\n'
            '        [ True, False,  True, False],\n'
            '        [False,  True, False,  True],\n'
            '        [ True, False,  True, False]])\n'
            'tensor(12., grad_fn=<VdotBackward0>) tensor(12., grad_fn=<VdotBackward0>) tensor(12)\n'
            'tensor([ 4., -5.,  6.])\n'
            'tensor([[2., 1.],\n'
            '        [4., 3.]], grad_fn=<ViewBackward0>) <ViewBackward0 object at 0x…> ((<ViewBackward0 object at 0x…>, 0), (<ReshapeAliasBackward0 object at 0x…>, 0))\n'  # noqa: E501
            '((<DotBackward0 object at 0x…>, 0),) tensor([[2., 4.],\n'
            '        [6., 8.]], grad_fn=<MulBackward0>)\n'
            'tensor([ 506., 1298.], grad_fn=<ViewBackward0>) ((<ViewBackward0 object at 0x…>, 0), (None, 0))\n'  # noqa: E501
            'tensor([[ 0.,  1.,  2.,  3.],\n'
            '        [ 4.,  5.,  6.,  7.],\n'
            '        [ 8.,  9., 10., 11.]]) tensor([ 506., 1298.], grad_fn=<ViewBackward0>)\n'
            'tensor([[  4.,  -5.,   6.],\n'
            '        [  8., -10.,  12.],\n'
            '        [ 12., -15.,  18.]], grad_fn=<ViewBackward0>) torch.Size([2, 3, 3])\n'
            'torch.Size([2, 4, 4])\n'
            'tensor([[12., 12.],\n'
            '        [12., 12.]]) tensor(164., grad_fn=<ViewBackward0>)\n'
            "TypeError kron(): argument 'other' (position 2) must be Tensor, not int\n"
            "RuntimeError view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.\n"  # noqa: E501
            'RuntimeError 1D tensors expected, but got 2D and 2D tensors\n'
            'RuntimeError dot : expected both vectors to have same dtype, but found Float and Double\n'
            'RuntimeError inconsistent tensor size, expected tensor [3] and src [2] to have the same number of elements, but got 3 and 2 elements respectively\n'  # noqa: E501
            'NotImplementedError "dot" not implemented for \'Bool\'\n'
            'RuntimeError inner() the last dimension must match on both input tensors but got shapes [2, 2] and [3]\n'  # noqa: E501
            'RuntimeError both inputs should have same dtype\n'
            'NotImplementedError "addmm_impl_cpu_" not implemented for \'Bool\'\n'
            'RuntimeError tensordot expects dims < ndim_a or ndim_b, but got dims=3\n'
            'RuntimeError tensordot expects dims >= 0, but got dims=-1\n'
            'RuntimeError contracted dimensions need to match, but first has size 2 in dim 0 and second has size 3 in dim 0\n'  # noqa: E501
            'RuntimeError both dimension lists should have same length\n'
            'RuntimeError dim 1 appears multiple times in the list of dims\n'
            "TypeError tensordot(): argument 'dims_self' (position 3) must be tuple of ints, not int\n"
            'RuntimeError multi_dot(): expected at least 2 tensors but got 1\n'
            'RuntimeError multi_dot(): tensors 0 and 1 with shapes [2, 2] and [3, 2] cannot be multiplied\n'
            'RuntimeError multi_dot(): all tensors must have be the same dtype but tensor 0 is float and tensor 1 double\n'  # noqa: E501
            'RuntimeError multi_dot(): tensor 1 must be 2D but got 1D\n'
        ),
    ),
    # torch.matrix_power / linalg.matrix_power (inverse and mm, as PyTorch builds them), logdet (a where
    # over slogdet) and slogdet: negative and zero determinants, the gradient's infinities when singular
    "matrix_power_logdet_and_slogdet": (
        r"""
import torch
a = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
p = torch.matrix_power(a, 3)
print(p, p.grad_fn.next_functions)
p.sum().backward()
print(a.grad)
for n in [0, 1, 2, -1, -2, 5]:
    q = torch.linalg.matrix_power(a, n)
    print(n, q.grad_fn, q.detach())
a.grad = None
torch.matrix_power(a, 0).sum().backward()
print(a.grad, a.matrix_power(2), torch.matrix_power(torch.tensor([[1, 1], [1, 0]]), 10))
s = torch.tensor([[2., 1.], [1., 3.]], requires_grad=True)
l = torch.logdet(s)
print(l, l.grad_fn.next_functions[0], s.logdet())
l.backward()
print(s.grad)
r = torch.slogdet(a)
print(r, r.sign, torch.linalg.slogdet(s).logabsdet)
r.logabsdet.backward()
print(a.grad, torch.logdet(a))
z = torch.tensor([[1., 2.], [2., 4.]], requires_grad=True)
print(torch.slogdet(z), torch.logdet(z))
torch.logdet(z).backward()
print(z.grad)
b = torch.stack([a.detach(), s.detach(), z.detach()]).double()
print(torch.logdet(b), torch.slogdet(torch.zeros(0, 0)))
for f in [lambda: torch.matrix_power(a, 1.5), lambda: torch.matrix_power(torch.ones(2, 3), 2),
          lambda: torch.linalg.matrix_power(torch.ones(2), 2), lambda: torch.matrix_power(z, -1),
          lambda: torch.logdet(torch.ones(2, 2).long()), lambda: torch.logdet(torch.ones(3)),
          lambda: torch.slogdet(torch.ones(2, 3)), lambda: torch.linalg.slogdet(torch.eye(2).half())]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
""",
        (
            'tensor([[ 37.,  54.],\n'
            '        [ 81., 118.]], grad_fn=<MmBackward0>) ((<MmBackward0 object at 0x…>, 0), (<AccumulateGrad object at 0x…>, 0))\n'  # noqa: E501
            'tensor([[ 51.,  87.],\n'
            '        [ 67., 111.]])\n'
            '0 <CopyBackwards object at 0x…> tensor([[1., 0.],\n'
            '        [0., 1.]])\n'
            '1 <CloneBackward0 object at 0x…> tensor([[1., 2.],\n'
            '        [3., 4.]])\n'
            '2 <MmBackward0 object at 0x…> tensor([[ 7., 10.],\n'
            '        [15., 22.]])\n'
            '-1 <LinalgInvExBackward0 object at 0x…> tensor([[-2.0000,  1.0000],\n'
            '        [ 1.5000, -0.5000]])\n'
            '-2 <MmBackward0 object at 0x…> tensor([[ 5.5000, -2.5000],\n'
            '        [-3.7500,  1.7500]])\n'
            '5 <MmBackward0 object at 0x…> tensor([[1069., 1558.],\n'
            '        [2337., 3406.]])\n'
            'tensor([[0., 0.],\n'
            '        [0., 0.]]) tensor([[ 7., 10.],\n'
            '        [15., 22.]], grad_fn=<MmBackward0>) tensor([[89, 55],\n'
            '        [55, 34]])\n'
            'tensor(1.6094, grad_fn=<WhereBackward0>) (None, 0) tensor(1.6094, grad_fn=<WhereBackward0>)\n'
            'tensor([[ 0.6000, -0.2000],\n'
            '        [-0.2000,  0.4000]])\n'
            'torch.return_types.slogdet(\n'
            'sign=tensor(-1., grad_fn=<LinalgSlogdetBackward0>),\n'
            'logabsdet=tensor(0.6931, grad_fn=<LinalgSlogdetBackward0>)) tensor(-1., grad_fn=<LinalgSlogdetBackward0>) tensor(1.6094, grad_fn=<LinalgSlogdetBackward0>)\n'  # noqa: E501
            'tensor([[-2.0000,  1.5000],\n'
            '        [ 1.0000, -0.5000]]) tensor(nan, grad_fn=<WhereBackward0>)\n'
            'torch.return_types.slogdet(\n'
            'sign=tensor(-0., grad_fn=<LinalgSlogdetBackward0>),\n'
            'logabsdet=tensor(-inf, grad_fn=<LinalgSlogdetBackward0>)) tensor(-inf, grad_fn=<WhereBackward0>)\n'  # noqa: E501
            'tensor([[-inf, inf],\n'
            '        [inf, -inf]])\n'
            'tensor([   nan, 1.6094,   -inf], dtype=torch.float64) torch.return_types.slogdet(\n'
            'sign=tensor(1.),\n'
            'logabsdet=tensor(0.))\n'
            "TypeError matrix_power(): argument 'n' (position 2) must be int, not float\n"
            'RuntimeError linalg.matrix_power: A must be batches of square matrices, but they are 2 by 3 matrices\n'  # noqa: E501
            'RuntimeError linalg.matrix_power: The input tensor A must have at least 2 dimensions.\n'
            '_LinAlgError linalg.inv: The diagonal element 2 is zero, the inversion could not be completed because the input matrix is singular.\n'  # noqa: E501
            'RuntimeError logdet: Expected a floating point or complex tensor as input. Got Long\n'
            'RuntimeError logdet: The input tensor A must have at least 2 dimensions.\n'
            'RuntimeError linalg.slogdet: A must be batches of square matrices, but they are 2 by 3 matrices\n'  # noqa: E501
            'RuntimeError linalg.slogdet: Low precision dtypes not supported. Got Half\n'
        ),
    ),
    # torch.pinverse, linalg.pinv (atol, rtol, rcond, hermitian, batches) and linalg.matrix_rank: values, the
    # LinalgPinvBackward0 gradient (at a singular matrix too) and PyTorch's refusals
    "pinverse_pinv_and_matrix_rank": (
        r"""
import torch
a = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
p = torch.pinverse(a)
print(p, torch.linalg.pinv(a).grad_fn)
p.backward(torch.tensor([[1., 0.], [0., 2.], [-1., 1.]]))
print(a.grad)
s = torch.tensor([[1., 2.], [2., 4.]], requires_grad=True)
q = torch.linalg.pinv(s)
print(q, torch.linalg.pinv(s, hermitian=True))
q.backward(torch.tensor([[1., 2.], [3., 4.]]))
print(s.grad)
d = torch.tensor([[3., 0.], [0., 1.]], dtype=torch.float64)
print(torch.linalg.pinv(d, atol=1.5), torch.linalg.pinv(d, rtol=0.5), torch.pinverse(d, rcond=0.2))
print(torch.linalg.pinv(torch.stack([d, 2 * d]), atol=torch.tensor([0.5, 4.])))
print(torch.linalg.pinv(torch.tensor([[1., 5.], [0., 1.]]), hermitian=True), a.pinverse().shape)
print(torch.linalg.matrix_rank(a), torch.linalg.matrix_rank(s), torch.linalg.matrix_rank(d, tol=1.5))
print(torch.linalg.matrix_rank(torch.stack([d, 0 * d])), torch.linalg.matrix_rank(a, atol=1.0))
print(torch.linalg.matrix_rank(a, rtol=0.5), torch.linalg.matrix_rank(s, hermitian=True))
for f in [lambda: torch.pinverse(torch.ones(2, 2).long()), lambda: torch.linalg.pinv(torch.ones(3)),
          lambda: torch.linalg.pinv(a, hermitian=True), lambda: torch.linalg.matrix_rank(torch.ones(3)),
          lambda: torch.linalg.matrix_rank(torch.eye(2).half()), lambda: torch.matrix_rank(a)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
""",
        (
            'tensor([[-0.9444,  0.4444],\n'
            '        [-0.1111,  0.1111],\n'
            '        [ 0.7222, -0.2222]], grad_fn=<LinalgPinvBackward0>) <LinalgPinvBackward0 object at 0x…>\n'  # noqa: E501
            'tensor([[-1.5000, -0.8333,  1.6111],\n'
            '        [ 0.5000,  0.3333, -0.6111]])\n'
            'tensor([[0.0400, 0.0800],\n'
            '        [0.0800, 0.1600]], grad_fn=<LinalgPinvBackward0>) tensor([[0.0400, 0.0800],\n'
            '        [0.0800, 0.1600]], grad_fn=<LinalgPinvBackward0>)\n'
            'tensor([[-0.0336, -0.0592],\n'
            '        [-0.0992, -0.1824]])\n'
            'tensor([[0.3333, 0.0000],\n'
            '        [0.0000, 0.0000]], dtype=torch.float64) tensor([[0.3333, 0.0000],\n'
            '        [0.0000, 0.0000]], dtype=torch.float64) tensor([[0.3333, 0.0000],\n'
            '        [0.0000, 1.0000]], dtype=torch.float64)\n'
            'tensor([[[0.3333, 0.0000],\n'
            '         [0.0000, 1.0000]],\n'
            '\n'
            '        [[0.1667, 0.0000],\n'
            '         [0.0000, 0.0000]]], dtype=torch.float64)\n'
            'tensor([[1., 0.],\n'
            '        [0., 1.]]) torch.Size([3, 2])\n'
            'tensor(2) tensor(1) tensor(1)\n'
            'tensor([2, 0]) tensor(1)\n'
            'tensor(1) tensor(1)\n'
            'RuntimeError linalg.pinv(Long{[2, 2]}): expected a tensor with 2 or more dimensions of float, double, cfloat or cdouble types\n'  # noqa: E501
            'RuntimeError linalg.pinv(Float{[3]}): expected a tensor with 2 or more dimensions of float, double, cfloat or cdouble types\n'  # noqa: E501
            'RuntimeError linalg.eigh: A must be batches of square matrices, but they are 2 by 3 matrices\n'
            'RuntimeError torch.linalg.matrix_rank: The input tensor input must have at least 2 dimensions.\n'
            "RuntimeError This function doesn't handle types other than float and double\n"
            'RuntimeError This function was deprecated since version 1.9 and is now removed.\n'
            "Please use the `torch.linalg.matrix_rank` function instead. The parameter 'symmetric' was renamed in `torch.linalg.matrix_rank()` to 'hermitian'.\n"  # noqa: E501
        ),
    ),
    # torch.cdist for p = 0, 0.5, 1, 2, 3, inf (CdistBackward0) and through one product (EuclideanDist-
    # Backward0: over 25 rows, or use_mm_for_euclid_dist); batches broadcast; integer values keep it exact
    "cdist_every_p_and_both_routes": (
        r"""
import torch
x = torch.tensor([[0., 0.], [1., 0.], [3., 4.]], requires_grad=True)
y = torch.tensor([[0., 0.], [0., 2.]], requires_grad=True)
d = torch.cdist(x, y)
print(d, d.grad_fn)
d.backward(torch.tensor([[1., 2.], [3., 4.], [5., 6.]]))
print(x.grad, y.grad)
for p in [0, 1, 0.5, 3, float('inf')]:
    x.grad = y.grad = None
    torch.cdist(x, y, p=p).sum().backward()
    print(p, torch.cdist(x, y, p=p).detach(), x.grad, y.grad)
m = torch.cdist(x, y, compute_mode='use_mm_for_euclid_dist')
print(m, m.grad_fn.next_functions)
big = torch.arange(60.).reshape(30, 2).requires_grad_()
e = torch.cdist(big, y)
print(e.grad_fn, e.grad_fn.next_functions, e[:2])
e.sum().backward()
print(big.grad[:2], torch.cdist(big, y, compute_mode='donot_use_mm_for_euclid_dist').grad_fn)
b = torch.cdist(big.expand(2, 30, 2)[:, None], y.expand(3, 2, 2))
e = b.grad_fn.next_functions[0][0]
print(b.shape, e, [f[0].next_functions[0][0].next_functions for f in e.next_functions])
print(torch.cdist(x[None], y[None]).shape, torch.cdist(x, y.double().float()).dtype)
print(torch.cdist(x.double(), y.double()), torch.cdist(torch.ones(2, 0), torch.ones(3, 0)))
for f in [lambda: torch.cdist(x[0], y), lambda: torch.cdist(x, torch.ones(2, 3)),
          lambda: torch.cdist(x.long(), y), lambda: torch.cdist(x, y, p=-1),
          lambda: torch.cdist(x, y.double()), lambda: torch.cdist(x.half(), y.half()),
          lambda: torch.cdist(torch.ones(2, 2, 2), torch.ones(3, 2, 2)),
          lambda: torch.cdist(x, y, compute_mode='fast')]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
""",
        (
            'tensor([[0.0000, 2.0000],\n'
            '        [1.0000, 2.2361],\n'
            '        [5.0000, 3.6056]], grad_fn=<CdistBackward0>) <CdistBackward0 object at 0x…>\n'
            'tensor([[ 0.0000, -2.0000],\n'
            '        [ 4.7889, -3.5777],\n'
            '        [ 7.9923,  7.3282]]) tensor([[-6.0000, -4.0000],\n'
            '        [-6.7812,  2.2495]])\n'
            '0 tensor([[0., 1.],\n'
            '        [1., 2.],\n'
            '        [2., 2.]]) tensor([[0., 0.],\n'
            '        [0., 0.],\n'
            '        [0., 0.]]) tensor([[0., 0.],\n'
            '        [0., 0.]])\n'
            '1 tensor([[0., 2.],\n'
            '        [1., 3.],\n'
            '        [7., 5.]]) tensor([[ 0., -1.],\n'
            '        [ 2., -1.],\n'
            '        [ 2.,  2.]]) tensor([[-2., -1.],\n'
            '        [-2.,  1.]])\n'
            '0.5 tensor([[ 0.0000,  2.0000],\n'
            '        [ 1.0000,  5.8284],\n'
            '        [13.9282,  9.8990]]) tensor([[ 0.0000, -1.0000],\n'
            '        [ 3.4142, -1.7071],\n'
            '        [ 3.9712,  4.0908]]) tensor([[-3.1547, -1.8660],\n'
            '        [-4.2307,  0.4824]])\n'
            '3 tensor([[0.0000, 2.0000],\n'
            '        [1.0000, 2.0801],\n'
            '        [4.4979, 3.2711]]) tensor([[ 0.0000, -1.0000],\n'
            '        [ 1.2311, -0.9245],\n'
            '        [ 1.2860,  1.1647]]) tensor([[-1.4449, -0.7908],\n'
            '        [-1.0723,  1.5506]])\n'
            'inf tensor([[0., 2.],\n'
            '        [1., 2.],\n'
            '        [4., 3.]]) tensor([[ 0., -1.],\n'
            '        [ 1., -1.],\n'
            '        [ 1.,  1.]]) tensor([[-1., -1.],\n'
            '        [-1.,  2.]])\n'
            'tensor([[0.0000, 2.0000],\n'
            '        [1.0000, 2.2361],\n'
            '        [5.0000, 3.6056]], grad_fn=<ViewBackward0>) ((<EuclideanDistBackward0 object at 0x…>, 0),)\n'  # noqa: E501
            '<ViewBackward0 object at 0x…> ((<EuclideanDistBackward0 object at 0x…>, 0),) tensor([[1.0000, 1.0000],\n'  # noqa: E501
            '        [3.6056, 2.2361]], grad_fn=<SliceBackward0>)\n'
            'tensor([[0.0000, 0.0000],\n'
            '        [1.4491, 1.2793]]) <CdistBackward0 object at 0x…>\n'
            'torch.Size([2, 3, 30, 2]) <EuclideanDistBackward0 object at 0x…> [((<ExpandBackward0 object at 0x…>, 0),), ((<ExpandBackward0 object at 0x…>, 0),)]\n'  # noqa: E501
            'torch.Size([1, 3, 2]) torch.float32\n'
            'tensor([[0.0000, 2.0000],\n'
            '        [1.0000, 2.2361],\n'
            '        [5.0000, 3.6056]], dtype=torch.float64, grad_fn=<CdistBackward0>) tensor([[0., 0., 0.],\n'  # noqa: E501
            '        [0., 0., 0.]])\n'
            'RuntimeError cdist only supports at least 2D tensors, X1 got: 1D\n'
            'RuntimeError X1 and X2 must have the same number of columns. X1: 2 X2: 3\n'
            'RuntimeError cdist only supports floating-point dtypes, X1 got: Long\n'
            'RuntimeError cdist only supports non-negative p values\n'
            'RuntimeError expected scalar type Float but found Double\n'
            'NotImplementedError "cdist" not implemented for \'Half\'\n'
            'RuntimeError The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0\n'  # noqa: E501
            'ValueError fast is not a valid value for compute_mode\n'
        ),
    ),
    # torch.logcumsumexp (LogcumsumexpBackward0: infinities, its NaN gradient at -inf) and trapezoid, trapz,
    # cumulative_trapezoid by dx or x, built as PyTorch builds them (MulBackward1, DivBackward1)
    "logcumsumexp_and_the_trapezoid_rule": (
        r"""
import torch
x = torch.tensor([0., 1., 2., 3.], requires_grad=True)
c = torch.logcumsumexp(x, 0)
print(c, x.logcumsumexp(dim=-1))
c.backward(torch.tensor([1., -2., 0.5, 0.]))
print(x.grad)
m = torch.tensor([[0., 1.], [2., 3.]])
print(torch.logcumsumexp(m, 1), torch.logcumsumexp(m.double(), 0), torch.logcumsumexp(torch.tensor(2.), 0))
z = torch.tensor([float('-inf'), 0., 1000., 1000.], requires_grad=True)
torch.logcumsumexp(z, 0).sum().backward()
print(torch.logcumsumexp(z, 0), z.grad)
y = torch.tensor([1., 2., 4., 7.], requires_grad=True)
t = torch.trapezoid(y)
print(t, t.grad_fn.next_functions, torch.trapz(y, dx=0.5))
t.backward()
print(y.grad)
p = torch.tensor([0., 1., 3., 4.], requires_grad=True)
y.grad = None
u = torch.trapezoid(y, p)
print(u, u.grad_fn.next_functions[0][0].next_functions[0][0].next_functions)
u.backward()
print(y.grad, p.grad)
k = torch.cumulative_trapezoid(y, dx=2)
print(k, k.grad_fn.next_functions, torch.cumulative_trapezoid(y, p))
g = torch.tensor([[1., 2., 3.], [3., 5., 8.]])
print(torch.trapezoid(g), torch.trapezoid(g, dim=0), torch.trapezoid(g, torch.tensor([0., 1., 3.])))
print(torch.trapezoid(g, torch.tensor([[0., 1., 3.], [0., 2., 3.]])), torch.cumulative_trapezoid(g, dim=0))
print(torch.trapezoid(torch.tensor([1, 2, 4])), torch.trapezoid(torch.tensor([1, 2, 4]), dx=2))
one, none = torch.tensor([3.]), torch.ones(0)
print(torch.trapezoid(one), torch.trapezoid(none), torch.cumulative_trapezoid(one))
for f in [lambda: torch.logcumsumexp(x), lambda: torch.logcumsumexp(torch.tensor([1, 2]), 0),
          lambda: torch.logcumsumexp(x, 1), lambda: torch.trapezoid(y, torch.tensor([0., 1.])),
          lambda: torch.trapezoid(torch.tensor([True, False])), lambda: torch.trapezoid(torch.tensor(3.)),
          lambda: torch.trapezoid(y, p, dx=2), lambda: torch.trapezoid(y, 2.),
          lambda: torch.cumulative_trapezoid(torch.tensor(3.)), lambda: torch.trapezoid(y, dx=True),
          lambda: torch.trapz(y, 2.)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
""",
        (
            'tensor([0.0000, 1.3133, 2.4076, 3.4402], grad_fn=<LogcumsumexpBackward0>) tensor([0.0000, 1.3133, 2.4076, 3.4402], grad_fn=<LogcumsumexpBackward0>)\n'  # noqa: E501
            'tensor([ 0.5071, -1.3398,  0.3326,  0.0000])\n'
            'tensor([[0.0000, 1.3133],\n'
            '        [2.0000, 3.3133]]) tensor([[0.0000, 1.0000],\n'
            '        [2.1269, 3.1269]], dtype=torch.float64) tensor(2.)\n'
            'tensor([     -inf,    0.0000, 1000.0000, 1000.6932],\n'
            '       grad_fn=<LogcumsumexpBackward0>) tensor([   nan, 1.0000, 1.5000, 0.5000])\n'
            'tensor(10., grad_fn=<MulBackward1>) ((<SubBackward0 object at 0x…>, 0),) tensor(5., grad_fn=<MulBackward1>)\n'  # noqa: E501
            'tensor([0.5000, 1.0000, 1.0000, 0.5000])\n'
            'tensor(13., grad_fn=<DivBackward1>) ((<AddBackward0 object at 0x…>, 0), (<SubBackward0 object at 0x…>, 0))\n'  # noqa: E501
            'tensor([0.5000, 1.5000, 1.5000, 0.5000]) tensor([-1.5000, -1.5000, -2.5000,  5.5000])\n'
            'tensor([ 3.,  9., 20.], grad_fn=<CumsumBackward0>) ((<MulBackward1 object at 0x…>, 0),) tensor([ 1.5000,  7.5000, 13.0000], grad_fn=<DivBackward1>)\n'  # noqa: E501
            'tensor([ 4.0000, 10.5000]) tensor([2.0000, 3.5000, 5.5000]) tensor([ 6.5000, 17.0000])\n'
            'tensor([ 6.5000, 14.5000]) tensor([[2.0000, 3.5000, 5.5000]])\n'
            'tensor(4.5000) tensor(9.)\n'
            'tensor(0.) tensor(0.) tensor([])\n'
            'TypeError logcumsumexp() missing 1 required positional arguments: "dim"\n'
            'NotImplementedError "logcumsumexp_out_cpu" not implemented for \'Long\'\n'
            'IndexError Dimension out of range (expected to be in range of [-1, 0], but got 1)\n'
            'RuntimeError trapezoid: There must be one `x` value for each sample point\n'
            'RuntimeError trapezoid: received a bool input for `y`, but bool is not supported\n'
            'IndexError Dimension specified as -1 but tensor has no dimensions\n'
            'TypeError trapezoid() received an invalid combination of arguments - got (Tensor, Tensor, dx=int), but expected one of:\n'  # noqa: E501
            ' * (Tensor y, Tensor x, *, int dim = -1)\n'
            ' * (Tensor y, *, Number dx = 1, int dim = -1)\n'
            '\n'
            'TypeError trapezoid() received an invalid combination of arguments - got (Tensor, float), but expected one of:\n'  # noqa: E501
            ' * (Tensor y, Tensor x, *, int dim = -1)\n'
            ' * (Tensor y, *, Number dx = 1, int dim = -1)\n'
            '\n'
            'IndexError slice() cannot be applied to a 0-dim tensor.\n'
            'RuntimeError trapezoid: Currently, we only support dx as a real number.\n'
            'TypeError trapz() received an invalid combination of arguments - got (Tensor, float), but expected one of:\n'  # noqa: E501
            ' * (Tensor y, *, float dx = 1, int dim = -1)\n'
            ' * (Tensor y, Tensor x, *, int dim = -1)\n'
            '\n'
        ),
    ),
    # topk counts NaN as the largest, and among equal values reports the copies PyTorch's kernel picks
    # (std::partial_sort for a few of many, else std::nth_element and a sort; unsorted when asked).
    "topk_with_nans_and_ties_as_pytorchs": (
        r"""
import torch

nan = float("nan")
x = torch.tensor([[nan, 1., nan, 2.], [3., 1., 4., 1.]], requires_grad=True)
top = x.topk(2)
print(top, x.topk(2, largest=False))
top.values.sum().backward()
print(x.grad)
row = (torch.arange(200) * 7 % 5).float()  # many ties: the kernel's selection decides which copies
print(row.topk(3).indices, row.topk(150).indices[-5:], row.topk(150, sorted=False).indices[:5])
print(row.topk(10, largest=False).indices, torch.tensor(3.).topk(1))
try:
    torch.tensor([True, False]).topk(1)
except RuntimeError as error:
    print(type(error).__name__, error)
""",
        (
            'torch.return_types.topk(\n'
            'values=tensor([[nan, nan],\n'
            '        [4., 3.]], grad_fn=<TopkBackward0>),\n'
            'indices=tensor([[0, 2],\n'
            '        [2, 0]])) torch.return_types.topk(\n'
            'values=tensor([[1., 2.],\n'
            '        [1., 1.]], grad_fn=<TopkBackward0>),\n'
            'indices=tensor([[1, 3],\n'
            '        [1, 3]]))\n'
            'tensor([[1., 0., 1., 0.],\n'
            '        [1., 0., 1., 0.]])\n'
            'tensor([12,  7,  2]) tensor([ 48, 148,  53,  18,  83]) tensor([  1, 199,   2, 197,   4])\n'
            'tensor([ 45,  65, 140,  60, 145,  55, 150, 155, 170,  35]) torch.return_types.topk(\n'
            'values=tensor(3.),\n'
            'indices=tensor(0))\n'
            'RuntimeError topk does not support bool dtypes on CPU\n'
        ),
    ),
    # inplace=True (F.relu, F.leaky_relu, F.elu, ..., nn.ReLU(inplace=True)) overwrites the input and records
    # the node PyTorch records there (LeakyReluBackward1, EluBackward1, CeluBackward1); F.relu_ and kin.
    "inplace_activations_overwrite_their_input_as_pytorchs": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F


def show(label, f):
    x = torch.tensor([-1., 2.], requires_grad=True).clone()
    y = f(x)
    print(label, x, y.grad_fn, y is x)


show("relu", lambda x: F.relu(x, inplace=True))
show("ReLU", nn.ReLU(inplace=True))
show("leaky", lambda x: F.leaky_relu(x, 0.2, inplace=True))
show("LeakyReLU", nn.LeakyReLU(0.2, inplace=True))
show("silu", lambda x: F.silu(x, inplace=True))
show("elu", lambda x: F.elu(x, inplace=True))
show("ELU", nn.ELU(inplace=True))
show("hardtanh", lambda x: F.hardtanh(x, inplace=True))
show("relu6", lambda x: F.relu6(x, inplace=True))
show("selu", lambda x: F.selu(x, inplace=True))
show("celu", lambda x: F.celu(x, inplace=True))
show("hardswish", lambda x: F.hardswish(x, inplace=True))
show("hardsigmoid", lambda x: F.hardsigmoid(x, inplace=True))
show("mish", lambda x: F.mish(x, inplace=True))
show("relu_", torch.relu_)
show("F.relu_", F.relu_)
show("leaky_relu_", F.leaky_relu_)
show("elu_", F.elu_)
show("hardtanh_", F.hardtanh_)
print(nn.ReLU(inplace=True), nn.LeakyReLU(0.2, inplace=True), nn.SiLU(inplace=True), nn.ReLU6(inplace=True))
print(nn.Hardswish(inplace=True), nn.SELU(inplace=True), nn.Mish(inplace=True), nn.ELU(inplace=True))
x = torch.tensor([-1., 2.], requires_grad=True)
try:
    F.relu(x, inplace=True)
except RuntimeError as error:
    print(type(error).__name__, error)
""",
        (
            'relu tensor([0., 2.], grad_fn=<ReluBackward0>) <ReluBackward0 object at 0x…> True\n'
            'ReLU tensor([0., 2.], grad_fn=<ReluBackward0>) <ReluBackward0 object at 0x…> True\n'
            'leaky tensor([-0.2000,  2.0000], grad_fn=<LeakyReluBackward1>) <LeakyReluBackward1 object at 0x…> True\n'  # noqa: E501
            'LeakyReLU tensor([-0.2000,  2.0000], grad_fn=<LeakyReluBackward1>) <LeakyReluBackward1 object at 0x…> True\n'  # noqa: E501
            'silu tensor([-0.2689,  1.7616], grad_fn=<SiluBackward0>) <SiluBackward0 object at 0x…> True\n'
            'elu tensor([-0.6321,  2.0000], grad_fn=<EluBackward1>) <EluBackward1 object at 0x…> True\n'
            'ELU tensor([-0.6321,  2.0000], grad_fn=<EluBackward1>) <EluBackward1 object at 0x…> True\n'
            'hardtanh tensor([-1.,  1.], grad_fn=<HardtanhBackward0>) <HardtanhBackward0 object at 0x…> True\n'  # noqa: E501
            'relu6 tensor([0., 2.], grad_fn=<HardtanhBackward0>) <HardtanhBackward0 object at 0x…> True\n'
            'selu tensor([-1.1113,  2.1014], grad_fn=<EluBackward1>) <EluBackward1 object at 0x…> True\n'
            'celu tensor([-0.6321,  2.0000], grad_fn=<CeluBackward1>) <CeluBackward1 object at 0x…> True\n'
            'hardswish tensor([-0.3333,  1.6667], grad_fn=<HardswishBackward0>) <HardswishBackward0 object at 0x…> True\n'  # noqa: E501
            'hardsigmoid tensor([0.3333, 0.8333], grad_fn=<HardsigmoidBackward0>) <HardsigmoidBackward0 object at 0x…> True\n'  # noqa: E501
            'mish tensor([-0.3034,  1.9440], grad_fn=<MishBackward0>) <MishBackward0 object at 0x…> True\n'
            'relu_ tensor([0., 2.], grad_fn=<ReluBackward0>) <ReluBackward0 object at 0x…> True\n'
            'F.relu_ tensor([0., 2.], grad_fn=<ReluBackward0>) <ReluBackward0 object at 0x…> True\n'
            'leaky_relu_ tensor([-0.0100,  2.0000], grad_fn=<LeakyReluBackward1>) <LeakyReluBackward1 object at 0x…> True\n'  # noqa: E501
            'elu_ tensor([-0.6321,  2.0000], grad_fn=<EluBackward1>) <EluBackward1 object at 0x…> True\n'
            'hardtanh_ tensor([-1.,  1.], grad_fn=<HardtanhBackward0>) <HardtanhBackward0 object at 0x…> True\n'  # noqa: E501
            'ReLU(inplace=True) LeakyReLU(negative_slope=0.2, inplace=True) SiLU(inplace=True) ReLU6(inplace=True)\n'  # noqa: E501
            'Hardswish() SELU(inplace=True) Mish(inplace=True) ELU(alpha=1.0, inplace=True)\n'
            'RuntimeError a leaf Variable that requires grad is being used in an in-place operation.\n'
        ),
    ),
    # Batched @ as PyTorch computes it: folded into one mm/mv (views, transposes, a copy) when a side has 1-2
    # dimensions, else both sides expanded and reshaped into one bmm; values, gradients, graphs and errors.
    "batched_matmul_records_pytorchs_folds_and_expansions": (
        r"""
import torch


def nodes(t, depth=0):
    # the graph behind t, one node per line
    lines = []
    for node, _ in ((t.grad_fn, 0),) if depth == 0 else t:
        if node is not None:
            lines.append("  " * depth + type(node).__name__)
            lines += nodes(node.next_functions, depth + 1)
    return lines


torch.manual_seed(0)
shapes = [((2, 3, 4), (2, 4, 5)), ((3, 1, 2, 4), (2, 4, 5)), ((4,), (2, 4, 3)),
          ((2, 3, 4), (4,)), ((5, 4), (2, 4, 3)), ((2, 3, 4), (4, 5)), ((1, 3, 4), (6, 4, 2))]
for first, second in shapes:
    for grads in ((True, True), (True, False), (False, True)):
        a = torch.randn(first).round().requires_grad_(grads[0])
        b = torch.randn(second).round().requires_grad_(grads[1])
        out = a @ b
        print(first, second, grads, tuple(out.shape), " / ".join(nodes(out)))
        out.sum().backward()
        print(a.grad if grads[0] else None, b.grad if grads[1] else None)
q = torch.randn(2, 3, 4).round()
k = torch.randn(2, 5, 4).round()
print(q @ k.transpose(1, 2), torch.matmul(q.transpose(0, 1), torch.ones(4, 2)))
print(" / ".join(nodes((q.requires_grad_() @ k.transpose(1, 2)).softmax(-1))))
ones = torch.ones(2, 3, 4)
wrong, other = torch.ones(3, 5, 2), torch.ones(3, 4, 2)
for bad in (lambda: ones @ wrong, lambda: ones @ other, lambda: ones @ ones.double()):
    try:
        bad()
    except RuntimeError as error:
        print(type(error).__name__, error)
""",
        (
            '(2, 3, 4) (2, 4, 5) (True, True) (2, 3, 5) UnsafeViewBackward0 /   BmmBackward0 /     ViewBackward0 /       ExpandBackward0 /         AccumulateGrad /     ViewBackward0 /       ExpandBackward0 /         AccumulateGrad\n'  # noqa: E501
            'tensor([[[ 0.,  1., -4.,  0.],\n'
            '         [ 0.,  1., -4.,  0.],\n'
            '         [ 0.,  1., -4.,  0.]],\n'
            '\n'
            '        [[ 3.,  1.,  1., -1.],\n'
            '         [ 3.,  1.,  1., -1.],\n'
            '         [ 3.,  1.,  1., -1.]]]) tensor([[[ 0.,  0.,  0.,  0.,  0.],\n'
            '         [ 0.,  0.,  0.,  0.,  0.],\n'
            '         [ 1.,  1.,  1.,  1.,  1.],\n'
            '         [-2., -2., -2., -2., -2.]],\n'
            '\n'
            '        [[ 2.,  2.,  2.,  2.,  2.],\n'
            '         [ 2.,  2.,  2.,  2.,  2.],\n'
            '         [ 1.,  1.,  1.,  1.,  1.],\n'
            '         [-2., -2., -2., -2., -2.]]])\n'
            '(2, 3, 4) (2, 4, 5) (True, False) (2, 3, 5) UnsafeViewBackward0 /   BmmBackward0 /     ViewBackward0 /       ExpandBackward0 /         AccumulateGrad\n'  # noqa: E501
            'tensor([[[ 0.,  6.,  4.,  1.],\n'
            '         [ 0.,  6.,  4.,  1.],\n'
            '         [ 0.,  6.,  4.,  1.]],\n'
            '\n'
            '        [[-2., -1.,  2., -2.],\n'
            '         [-2., -1.,  2., -2.],\n'
            '         [-2., -1.,  2., -2.]]]) None\n'
            '(2, 3, 4) (2, 4, 5) (False, True) (2, 3, 5) UnsafeViewBackward0 /   BmmBackward0 /     ViewBackward0 /       ExpandBackward0 /         AccumulateGrad\n'  # noqa: E501
            'None tensor([[[-1., -1., -1., -1., -1.],\n'
            '         [ 2.,  2.,  2.,  2.,  2.],\n'
            '         [ 1.,  1.,  1.,  1.,  1.],\n'
            '         [ 1.,  1.,  1.,  1.,  1.]],\n'
            '\n'
            '        [[ 0.,  0.,  0.,  0.,  0.],\n'
            '         [-3., -3., -3., -3., -3.],\n'
            '         [ 0.,  0.,  0.,  0.,  0.],\n'
            '         [ 0.,  0.,  0.,  0.,  0.]]])\n'
            '(3, 1, 2, 4) (2, 4, 5) (True, True) (3, 2, 2, 5) UnsafeViewBackward0 /   BmmBackward0 /     UnsafeViewBackward0 /       CloneBackward0 /         ExpandBackward0 /           AccumulateGrad /     UnsafeViewBackward0 /       CloneBackward0 /         ExpandBackward0 /           AccumulateGrad\n'  # noqa: E501
            'tensor([[[[-2., -1.,  4., -5.],\n'
            '          [-2., -1.,  4., -5.]]],\n'
            '\n'
            '\n'
            '        [[[-2., -1.,  4., -5.],\n'
            '          [-2., -1.,  4., -5.]]],\n'
            '\n'
            '\n'
            '        [[[-2., -1.,  4., -5.],\n'
            '          [-2., -1.,  4., -5.]]]]) tensor([[[-1., -1., -1., -1., -1.],\n'
            '         [ 0.,  0.,  0.,  0.,  0.],\n'
            '         [ 0.,  0.,  0.,  0.,  0.],\n'
            '         [-5., -5., -5., -5., -5.]],\n'
            '\n'
            '        [[-1., -1., -1., -1., -1.],\n'
            '         [ 0.,  0.,  0.,  0.,  0.],\n'
            '         [ 0.,  0.,  0.,  0.,  0.],\n'
            '         [-5., -5., -5., -5., -5.]]])\n'
            '(3, 1, 2, 4) (2, 4, 5) (True, False) (3, 2, 2, 5) UnsafeViewBackward0 /   BmmBackward0 /     UnsafeViewBackward0 /       CloneBackward0 /         ExpandBackward0 /           AccumulateGrad\n'  # noqa: E501
            'tensor([[[[ 2., -1., -1., -1.],\n'
            '          [ 2., -1., -1., -1.]]],\n'
            '\n'
            '\n'
            '        [[[ 2., -1., -1., -1.],\n'
            '          [ 2., -1., -1., -1.]]],\n'
            '\n'
            '\n'
            '        [[[ 2., -1., -1., -1.],\n'
            '          [ 2., -1., -1., -1.]]]]) None\n'
            '(3, 1, 2, 4) (2, 4, 5) (False, True) (3, 2, 2, 5) UnsafeViewBackward0 /   BmmBackward0 /     UnsafeViewBackward0 /       CloneBackward0 /         ExpandBackward0 /           AccumulateGrad\n'  # noqa: E501
            'None tensor([[[ 1.,  1.,  1.,  1.,  1.],\n'
            '         [ 1.,  1.,  1.,  1.,  1.],\n'
            '         [-1., -1., -1., -1., -1.],\n'
            '         [-7., -7., -7., -7., -7.]],\n'
            '\n'
            '        [[ 1.,  1.,  1.,  1.,  1.],\n'
            '         [ 1.,  1.,  1.,  1.,  1.],\n'
            '         [-1., -1., -1., -1., -1.],\n'
            '         [-7., -7., -7., -7., -7.]]])\n'
            '(4,) (2, 4, 3) (True, True) (2, 3) UnsafeViewBackward0 /   MvBackward0 /     UnsafeViewBackward0 /       CloneBackward0 /         TransposeBackward0 /           AccumulateGrad /     AccumulateGrad\n'  # noqa: E501
            'tensor([ 2.,  5.,  3., -1.]) tensor([[[-1., -1., -1.],\n'
            '         [-1., -1., -1.],\n'
            '         [ 1.,  1.,  1.],\n'
            '         [-1., -1., -1.]],\n'
            '\n'
            '        [[-1., -1., -1.],\n'
            '         [-1., -1., -1.],\n'
            '         [ 1.,  1.,  1.],\n'
            '         [-1., -1., -1.]]])\n'
            '(4,) (2, 4, 3) (True, False) (2, 3) UnsafeViewBackward0 /   MvBackward0 /     AccumulateGrad\n'
            'tensor([ 0., -1.,  0.,  1.]) None\n'
            '(4,) (2, 4, 3) (False, True) (2, 3) UnsafeViewBackward0 /   BmmBackward0 /     ViewBackward0 /       ExpandBackward0 /         AccumulateGrad\n'  # noqa: E501
            'None tensor([[[ 0.,  0.,  0.],\n'
            '         [ 1.,  1.,  1.],\n'
            '         [-1., -1., -1.],\n'
            '         [ 1.,  1.,  1.]],\n'
            '\n'
            '        [[ 0.,  0.,  0.],\n'
            '         [ 1.,  1.,  1.],\n'
            '         [-1., -1., -1.],\n'
            '         [ 1.,  1.,  1.]]])\n'
            '(2, 3, 4) (4,) (True, True) (2, 3) UnsafeViewBackward0 /   MvBackward0 /     ViewBackward0 /       AccumulateGrad /     AccumulateGrad\n'  # noqa: E501
            'tensor([[[-1., -1., -1.,  0.],\n'
            '         [-1., -1., -1.,  0.],\n'
            '         [-1., -1., -1.,  0.]],\n'
            '\n'
            '        [[-1., -1., -1.,  0.],\n'
            '         [-1., -1., -1.,  0.],\n'
            '         [-1., -1., -1.,  0.]]]) tensor([ 1.,  0., -2.,  2.])\n'
            '(2, 3, 4) (4,) (True, False) (2, 3) UnsafeViewBackward0 /   MvBackward0 /     ViewBackward0 /       AccumulateGrad\n'  # noqa: E501
            'tensor([[[-0., -1.,  1.,  1.],\n'
            '         [-0., -1.,  1.,  1.],\n'
            '         [-0., -1.,  1.,  1.]],\n'
            '\n'
            '        [[-0., -1.,  1.,  1.],\n'
            '         [-0., -1.,  1.,  1.],\n'
            '         [-0., -1.,  1.,  1.]]]) None\n'
            '(2, 3, 4) (4,) (False, True) (2, 3) UnsafeViewBackward0 /   MvBackward0 /     AccumulateGrad\n'
            'None tensor([-2., -5., -3.,  1.])\n'
            '(5, 4) (2, 4, 3) (True, True) (2, 5, 3) CloneBackward0 /   TransposeBackward0 /     UnsafeViewBackward0 /       MmBackward0 /         UnsafeViewBackward0 /           CloneBackward0 /             TransposeBackward0 /               AccumulateGrad /         TBackward0 /           AccumulateGrad\n'  # noqa: E501
            'tensor([[ 2., -4., -1.,  0.],\n'
            '        [ 2., -4., -1.,  0.],\n'
            '        [ 2., -4., -1.,  0.],\n'
            '        [ 2., -4., -1.,  0.],\n'
            '        [ 2., -4., -1.,  0.]]) tensor([[[ 2.,  2.,  2.],\n'
            '         [-3., -3., -3.],\n'
            '         [ 0.,  0.,  0.],\n'
            '         [-4., -4., -4.]],\n'
            '\n'
            '        [[ 2.,  2.,  2.],\n'
            '         [-3., -3., -3.],\n'
            '         [ 0.,  0.,  0.],\n'
            '         [-4., -4., -4.]]])\n'
            '(5, 4) (2, 4, 3) (True, False) (2, 5, 3) CloneBackward0 /   TransposeBackward0 /     UnsafeViewBackward0 /       MmBackward0 /         TBackward0 /           AccumulateGrad\n'  # noqa: E501
            'tensor([[-1., -1., -3., -1.],\n'
            '        [-1., -1., -3., -1.],\n'
            '        [-1., -1., -3., -1.],\n'
            '        [-1., -1., -3., -1.],\n'
            '        [-1., -1., -3., -1.]]) None\n'
            '(5, 4) (2, 4, 3) (False, True) (2, 5, 3) UnsafeViewBackward0 /   BmmBackward0 /     ViewBackward0 /       ExpandBackward0 /         AccumulateGrad\n'  # noqa: E501
            'None tensor([[[-2., -2., -2.],\n'
            '         [-1., -1., -1.],\n'
            '         [ 0.,  0.,  0.],\n'
            '         [-1., -1., -1.]],\n'
            '\n'
            '        [[-2., -2., -2.],\n'
            '         [-1., -1., -1.],\n'
            '         [ 0.,  0.,  0.],\n'
            '         [-1., -1., -1.]]])\n'
            '(2, 3, 4) (4, 5) (True, True) (2, 3, 5) UnsafeViewBackward0 /   MmBackward0 /     ViewBackward0 /       AccumulateGrad /     AccumulateGrad\n'  # noqa: E501
            'tensor([[[-1.,  1.,  0.,  0.],\n'
            '         [-1.,  1.,  0.,  0.],\n'
            '         [-1.,  1.,  0.,  0.]],\n'
            '\n'
            '        [[-1.,  1.,  0.,  0.],\n'
            '         [-1.,  1.,  0.,  0.],\n'
            '         [-1.,  1.,  0.,  0.]]]) tensor([[ 0.,  0.,  0.,  0.,  0.],\n'
            '        [-1., -1., -1., -1., -1.],\n'
            '        [ 2.,  2.,  2.,  2.,  2.],\n'
            '        [ 2.,  2.,  2.,  2.,  2.]])\n'
            '(2, 3, 4) (4, 5) (True, False) (2, 3, 5) UnsafeViewBackward0 /   MmBackward0 /     ViewBackward0 /       AccumulateGrad\n'  # noqa: E501
            'tensor([[[-2.,  5., -5., -2.],\n'
            '         [-2.,  5., -5., -2.],\n'
            '         [-2.,  5., -5., -2.]],\n'
            '\n'
            '        [[-2.,  5., -5., -2.],\n'
            '         [-2.,  5., -5., -2.],\n'
            '         [-2.,  5., -5., -2.]]]) None\n'
            '(2, 3, 4) (4, 5) (False, True) (2, 3, 5) UnsafeViewBackward0 /   MmBackward0 /     AccumulateGrad\n'  # noqa: E501
            'None tensor([[ 3.,  3.,  3.,  3.,  3.],\n'
            '        [-2., -2., -2., -2., -2.],\n'
            '        [-1., -1., -1., -1., -1.],\n'
            '        [-1., -1., -1., -1., -1.]])\n'
            '(1, 3, 4) (6, 4, 2) (True, True) (6, 3, 2) CloneBackward0 /   TransposeBackward0 /     UnsafeViewBackward0 /       MmBackward0 /         UnsafeViewBackward0 /           CloneBackward0 /             TransposeBackward0 /               AccumulateGrad /         TBackward0 /           SqueezeBackward1 /             AccumulateGrad\n'  # noqa: E501
            'tensor([[[ 5., -2.,  7., -8.],\n'
            '         [ 5., -2.,  7., -8.],\n'
            '         [ 5., -2.,  7., -8.]]]) tensor([[[ 2.,  2.],\n'
            '         [-1., -1.],\n'
            '         [ 2.,  2.],\n'
            '         [ 1.,  1.]],\n'
            '\n'
            '        [[ 2.,  2.],\n'
            '         [-1., -1.],\n'
            '         [ 2.,  2.],\n'
            '         [ 1.,  1.]],\n'
            '\n'
            '        [[ 2.,  2.],\n'
            '         [-1., -1.],\n'
            '         [ 2.,  2.],\n'
            '         [ 1.,  1.]],\n'
            '\n'
            '        [[ 2.,  2.],\n'
            '         [-1., -1.],\n'
            '         [ 2.,  2.],\n'
            '         [ 1.,  1.]],\n'
            '\n'
            '        [[ 2.,  2.],\n'
            '         [-1., -1.],\n'
            '         [ 2.,  2.],\n'
            '         [ 1.,  1.]],\n'
            '\n'
            '        [[ 2.,  2.],\n'
            '         [-1., -1.],\n'
            '         [ 2.,  2.],\n'
            '         [ 1.,  1.]]])\n'
            '(1, 3, 4) (6, 4, 2) (True, False) (6, 3, 2) CloneBackward0 /   TransposeBackward0 /     UnsafeViewBackward0 /       MmBackward0 /         TBackward0 /           SqueezeBackward1 /             AccumulateGrad\n'  # noqa: E501
            'tensor([[[ 3., -2.,  2., -3.],\n'
            '         [ 3., -2.,  2., -3.],\n'
            '         [ 3., -2.,  2., -3.]]]) None\n'
            '(1, 3, 4) (6, 4, 2) (False, True) (6, 3, 2) UnsafeViewBackward0 /   BmmBackward0 /     ViewBackward0 /       ExpandBackward0 /         AccumulateGrad\n'  # noqa: E501
            'None tensor([[[ 2.,  2.],\n'
            '         [ 1.,  1.],\n'
            '         [ 0.,  0.],\n'
            '         [-1., -1.]],\n'
            '\n'
            '        [[ 2.,  2.],\n'
            '         [ 1.,  1.],\n'
            '         [ 0.,  0.],\n'
            '         [-1., -1.]],\n'
            '\n'
            '        [[ 2.,  2.],\n'
            '         [ 1.,  1.],\n'
            '         [ 0.,  0.],\n'
            '         [-1., -1.]],\n'
            '\n'
            '        [[ 2.,  2.],\n'
            '         [ 1.,  1.],\n'
            '         [ 0.,  0.],\n'
            '         [-1., -1.]],\n'
            '\n'
            '        [[ 2.,  2.],\n'
            '         [ 1.,  1.],\n'
            '         [ 0.,  0.],\n'
            '         [-1., -1.]],\n'
            '\n'
            '        [[ 2.,  2.],\n'
            '         [ 1.,  1.],\n'
            '         [ 0.,  0.],\n'
            '         [-1., -1.]]])\n'
            'tensor([[[-2., -3., -2.,  3.,  0.],\n'
            '         [ 0.,  2.,  2.,  2.,  2.],\n'
            '         [ 1.,  0.,  1., -1.,  0.]],\n'
            '\n'
            '        [[ 0.,  1.,  0., -1., -1.],\n'
            '         [ 1.,  1.,  0.,  0., -1.],\n'
            '         [-2., -1.,  0.,  0.,  1.]]]) tensor([[[-1., -1.],\n'
            '         [ 1.,  1.]],\n'
            '\n'
            '        [[-2., -2.],\n'
            '         [ 0.,  0.]],\n'
            '\n'
            '        [[ 1.,  1.],\n'
            '         [ 1.,  1.]]])\n'
            'SoftmaxBackward0 /   UnsafeViewBackward0 /     BmmBackward0 /       ViewBackward0 /         ExpandBackward0 /           AccumulateGrad\n'  # noqa: E501
            'RuntimeError The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0\n'  # noqa: E501
            'RuntimeError The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0\n'  # noqa: E501
            'RuntimeError Expected size for first two dimensions of batch2 tensor to be: [2, 4] but got: [2, 3].\n'  # noqa: E501
        ),
    ),
    # A 3-d batch of one that requires grad, times another 3-d batch, is squeezed and folded; 4-d batches of
    # one, or two batches of one, are expanded into a bmm (PyTorch 2.13's graphs for each requires_grad).
    "batch_of_one_is_squeezed_to_fold": (
        r"""
import torch


def nodes(t, depth=0):
    # the graph behind t, one node per line
    lines = []
    for node, _ in ((t.grad_fn, 0),) if depth == 0 else t:
        if node is not None:
            lines.append("  " * depth + type(node).__name__)
            lines += nodes(node.next_functions, depth + 1)
    return lines


pairs = [
    ((1, 3, 4), (6, 4, 2)),
    ((1, 1, 3, 4), (6, 4, 2)),
    ((2, 3, 4), (1, 4, 2)),
    ((1, 3, 4), (1, 4, 2)),
    ((1, 3, 4), (2, 1, 4, 2)),
    ((1, 4), (6, 4, 2)),
    ((6, 1, 3, 4), (1, 4, 2)),
    ((4,), (1, 4, 2)),
]
for first, second in pairs:
    for grads in ((True, True), (False, True), (True, False)):
        a = torch.ones(first, requires_grad=grads[0])
        b = torch.ones(second, requires_grad=grads[1])
        print(first, second, grads, " / ".join(x.strip() for x in nodes(a @ b)))
""",
        (
            '(1, 3, 4) (6, 4, 2) (True, True) CloneBackward0 / TransposeBackward0 / UnsafeViewBackward0 / MmBackward0 / UnsafeViewBackward0 / CloneBackward0 / TransposeBackward0 / AccumulateGrad / TBackward0 / SqueezeBackward1 / AccumulateGrad\n'  # noqa: E501
            '(1, 3, 4) (6, 4, 2) (False, True) UnsafeViewBackward0 / BmmBackward0 / ViewBackward0 / ExpandBackward0 / AccumulateGrad\n'  # noqa: E501
            '(1, 3, 4) (6, 4, 2) (True, False) CloneBackward0 / TransposeBackward0 / UnsafeViewBackward0 / MmBackward0 / TBackward0 / SqueezeBackward1 / AccumulateGrad\n'  # noqa: E501
            '(1, 1, 3, 4) (6, 4, 2) (True, True) UnsafeViewBackward0 / BmmBackward0 / ReshapeAliasBackward0 / ExpandBackward0 / AccumulateGrad / ViewBackward0 / ExpandBackward0 / AccumulateGrad\n'  # noqa: E501
            '(1, 1, 3, 4) (6, 4, 2) (False, True) UnsafeViewBackward0 / BmmBackward0 / ViewBackward0 / ExpandBackward0 / AccumulateGrad\n'  # noqa: E501
            '(1, 1, 3, 4) (6, 4, 2) (True, False) UnsafeViewBackward0 / BmmBackward0 / ReshapeAliasBackward0 / ExpandBackward0 / AccumulateGrad\n'  # noqa: E501
            '(2, 3, 4) (1, 4, 2) (True, True) UnsafeViewBackward0 / MmBackward0 / ViewBackward0 / AccumulateGrad / SqueezeBackward1 / AccumulateGrad\n'  # noqa: E501
            '(2, 3, 4) (1, 4, 2) (False, True) UnsafeViewBackward0 / MmBackward0 / SqueezeBackward1 / AccumulateGrad\n'  # noqa: E501
            '(2, 3, 4) (1, 4, 2) (True, False) UnsafeViewBackward0 / BmmBackward0 / ViewBackward0 / ExpandBackward0 / AccumulateGrad\n'  # noqa: E501
            '(1, 3, 4) (1, 4, 2) (True, True) UnsafeViewBackward0 / BmmBackward0 / ViewBackward0 / ExpandBackward0 / AccumulateGrad / ViewBackward0 / ExpandBackward0 / AccumulateGrad\n'  # noqa: E501
            '(1, 3, 4) (1, 4, 2) (False, True) UnsafeViewBackward0 / BmmBackward0 / ViewBackward0 / ExpandBackward0 / AccumulateGrad\n'  # noqa: E501
            '(1, 3, 4) (1, 4, 2) (True, False) UnsafeViewBackward0 / BmmBackward0 / ViewBackward0 / ExpandBackward0 / AccumulateGrad\n'  # noqa: E501
            '(1, 3, 4) (2, 1, 4, 2) (True, True) UnsafeViewBackward0 / BmmBackward0 / ReshapeAliasBackward0 / ExpandBackward0 / AccumulateGrad / ViewBackward0 / ExpandBackward0 / AccumulateGrad\n'  # noqa: E501
            '(1, 3, 4) (2, 1, 4, 2) (False, True) UnsafeViewBackward0 / BmmBackward0 / ViewBackward0 / ExpandBackward0 / AccumulateGrad\n'  # noqa: E501
            '(1, 3, 4) (2, 1, 4, 2) (True, False) UnsafeViewBackward0 / BmmBackward0 / ReshapeAliasBackward0 / ExpandBackward0 / AccumulateGrad\n'  # noqa: E501
            '(1, 4) (6, 4, 2) (True, True) TransposeBackward0 / UnsafeViewBackward0 / MmBackward0 / UnsafeViewBackward0 / CloneBackward0 / TransposeBackward0 / AccumulateGrad / TBackward0 / AccumulateGrad\n'  # noqa: E501
            '(1, 4) (6, 4, 2) (False, True) UnsafeViewBackward0 / BmmBackward0 / ViewBackward0 / ExpandBackward0 / AccumulateGrad\n'  # noqa: E501
            '(1, 4) (6, 4, 2) (True, False) TransposeBackward0 / UnsafeViewBackward0 / MmBackward0 / TBackward0 / AccumulateGrad\n'  # noqa: E501
            '(6, 1, 3, 4) (1, 4, 2) (True, True) UnsafeViewBackward0 / BmmBackward0 / ViewBackward0 / ExpandBackward0 / AccumulateGrad / ReshapeAliasBackward0 / ExpandBackward0 / AccumulateGrad\n'  # noqa: E501
            '(6, 1, 3, 4) (1, 4, 2) (False, True) UnsafeViewBackward0 / BmmBackward0 / ReshapeAliasBackward0 / ExpandBackward0 / AccumulateGrad\n'  # noqa: E501
            '(6, 1, 3, 4) (1, 4, 2) (True, False) UnsafeViewBackward0 / BmmBackward0 / ViewBackward0 / ExpandBackward0 / AccumulateGrad\n'  # noqa: E501
            '(4,) (1, 4, 2) (True, True) UnsafeViewBackward0 / MvBackward0 / ReshapeAliasBackward0 / TransposeBackward0 / AccumulateGrad / AccumulateGrad\n'  # noqa: E501
            '(4,) (1, 4, 2) (False, True) UnsafeViewBackward0 / BmmBackward0 / ViewBackward0 / ExpandBackward0 / AccumulateGrad\n'  # noqa: E501
            '(4,) (1, 4, 2) (True, False) UnsafeViewBackward0 / MvBackward0 / AccumulateGrad\n'
        ),
    ),
    # F.conv_transpose2d/1d (and torch.): stride, padding, output_padding, dilation, groups, bias, unbatched;
    # values and gradients of input, weight and bias, ConvolutionBackward0; float64 and int64 inputs
    "conv_transpose_values": (
        r"""
import torch
import torch.nn.functional as F
x = torch.arange(8.0).reshape(1, 2, 2, 2).requires_grad_()
w = (torch.arange(36.0).reshape(2, 2, 3, 3) % 5 - 2).requires_grad_()
b = torch.tensor([0.5, -1.0], requires_grad=True)
y = F.conv_transpose2d(x, w, b, stride=2, padding=1, output_padding=1)
print(y)
(y * torch.arange(y.numel()).reshape(y.shape)).sum().backward()
print(x.grad)
print(w.grad[0])
print(b.grad)
x2 = torch.arange(12.0).reshape(1, 4, 3)
w2 = torch.tensor([[[1.0, -1.0]], [[2.0, 0.5]], [[0.0, 1.0]], [[-2.0, 3.0]]], requires_grad=True)
y2 = F.conv_transpose1d(x2, w2, stride=3, dilation=2, groups=2)
print(y2, y2.shape)
y2.pow(2).sum().backward()
print(w2.grad)
u = torch.tensor([[1.0, 2.0, 3.0]], requires_grad=True)
v = torch.conv_transpose1d(u, torch.ones(1, 2, 2), padding=1)
print(v, v.grad_fn, v.grad_fn.next_functions[0][0].name())
v.sum().backward()
print(u.grad)
d = F.conv_transpose2d(torch.ones(1, 1, 2, 2, dtype=torch.float64), torch.ones(1, 3, 2, 2).double())
print(d.dtype, d.shape, d.sum())
e = F.conv_transpose2d(torch.ones(1, 1, 2, 3).long(), torch.full((1, 1, 1, 2), 3))
print(e)
""",
        (
            'tensor([[[[  0.5000,   0.5000,   2.5000,   3.5000],\n'
            '          [  2.5000,  -5.5000,   1.5000, -17.5000],\n'
            '          [  4.5000,  -1.5000,   6.5000,   1.5000],\n'
            '          [-11.5000,   7.5000, -13.5000,  -3.5000]],\n'
            '\n'
            '         [[ -5.0000, -11.0000,  -5.0000,   1.0000],\n'
            '          [  9.0000,  10.0000,   9.0000,   0.0000],\n'
            '          [ -5.0000, -11.0000,  -5.0000,   5.0000],\n'
            '          [  9.0000, -12.0000,  10.0000, -15.0000]]]],\n'
            '       grad_fn=<ConvolutionBackward0>)\n'
            'tensor([[[[ 33.,  -7.],\n'
            '          [ -8., -40.]],\n'
            '\n'
            '         [[-30., -40.],\n'
            '          [  6.,   7.]]]])\n'
            'tensor([[[ 15.,  26.,  31.],\n'
            '         [ 28.,  48.,  54.],\n'
            '         [ 44.,  72.,  78.]],\n'
            '\n'
            '        [[ 63., 106., 111.],\n'
            '         [ 92., 144., 150.],\n'
            '         [108., 168., 174.]]])\n'
            'tensor([120., 376.])\n'
            'tensor([[[  6.0000,   0.0000,   1.5000,   9.0000,   0.0000,   1.0000,  12.0000,\n'
            '            0.0000,   0.5000],\n'
            '         [-18.0000,   0.0000,  33.0000, -20.0000,   0.0000,  37.0000, -22.0000,\n'
            '            0.0000,  41.0000]]], grad_fn=<ConvolutionBackward0>) torch.Size([1, 2, 9])\n'
            'tensor([[[   66.,     4.]],\n'
            '\n'
            '        [[  228.,    22.]],\n'
            '\n'
            '        [[ -848.,  1570.]],\n'
            '\n'
            '        [[-1208.,  2236.]]])\n'
            'tensor([[3., 5.],\n'
            '        [3., 5.]], grad_fn=<SqueezeBackward1>) <SqueezeBackward1 object at 0x…> ConvolutionBackward0\n'  # noqa: E501
            'tensor([[2., 4., 2.]])\n'
            'torch.float64 torch.Size([1, 3, 3, 3]) tensor(48., dtype=torch.float64)\n'
            'tensor([[[[3, 6, 6, 3],\n'
            '          [3, 6, 6, 3]]]])\n'
        ),
    ),
    # nn.ConvTranspose2d/1d: PyTorch's initial weights after manual_seed, reprs, forward's output_size,
    # the layers' ValueErrors and the refusals of a wrong output_size
    "conv_transpose_layers": (
        r"""
import torch
import torch.nn as nn
torch.manual_seed(0)
up = nn.ConvTranspose2d(2, 4, 3, stride=2, padding=1, groups=2)
print(up)
print(up.weight.shape, up.bias.shape)
print(up.weight[1], up.bias)
x = torch.randn(1, 2, 3, 3)
y = up(x)
print(y.shape, y.grad_fn)
print(y[0, 1])
print(up(x, output_size=[6, 6]).shape, up(x, output_size=(1, 4, 5, 6)).shape)
y.sum().backward()
print(up.weight.grad[0], up.bias.grad)
seq = nn.ConvTranspose1d(3, 2, kernel_size=2, stride=2, bias=False)
print(seq, seq.weight.shape)
print(seq(torch.ones(3, 4)))
print(nn.ConvTranspose2d(16, 33, (3, 5), stride=(2, 1), padding=(4, 2)))
print(nn.ConvTranspose2d(2, 4, 3, stride=2, output_padding=1, dilation=2, bias=False))
print(nn.ConvTranspose1d(2, 4, 3, output_padding=(1,)))
print(isinstance(up, nn.Conv2d), up.transposed, up.output_padding)
for make in [lambda: nn.ConvTranspose2d(2, 4, 3, padding_mode='reflect'),
             lambda: nn.ConvTranspose1d(3, 4, 3, groups=2),
             lambda: up(x, output_size=(7, 7)),
             lambda: up(x, output_size=(4,)),
             lambda: seq(torch.ones(1, 3, 4), output_size=[9]),
             lambda: nn.ConvTranspose2d(2, 4, 3, stride=2, output_padding=2)(x),
             lambda: nn.ConvTranspose2d(3, 4, 3)(x)]:
    try:
        make()
    except Exception as e:
        print(type(e).__name__, e)
""",
        (
            'ConvTranspose2d(2, 4, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), groups=2)\n'
            'torch.Size([2, 2, 3, 3]) torch.Size([4])\n'
            'tensor([[[-0.1598, -0.1026,  0.0856],\n'
            '         [ 0.1957, -0.0485,  0.1764],\n'
            '         [-0.0380,  0.0249,  0.2134]],\n'
            '\n'
            '        [[-0.2187, -0.1484, -0.0597],\n'
            '         [-0.0919,  0.2036, -0.1528],\n'
            '         [-0.1085, -0.1647, -0.2207]]], grad_fn=<SelectBackward0>) Parameter containing:\n'
            'tensor([-0.1376,  0.2026,  0.1052,  0.1142], requires_grad=True)\n'
            'torch.Size([1, 4, 5, 5]) <ConvolutionBackward0 object at 0x…>\n'
            'tensor([[ 0.2363,  0.3908,  0.3185,  0.4038,  0.2921],\n'
            '        [ 0.2221,  0.2284,  0.0911,  0.1612,  0.0394],\n'
            '        [ 0.2893,  0.1227,  0.1098, -0.2023, -0.0381],\n'
            '        [ 0.1147,  0.0689,  0.3001,  0.2920,  0.3868],\n'
            '        [ 0.1234,  0.2864,  0.2949,  0.3882,  0.2915]],\n'
            '       grad_fn=<SelectBackward0>)\n'
            'torch.Size([1, 4, 6, 6]) torch.Size([1, 4, 5, 6])\n'
            'tensor([[[ 0.9760,  0.9280, -0.0447],\n'
            '         [-0.3396, -0.6035, -1.0031],\n'
            '         [ 0.8206,  0.0494, -0.9194]],\n'
            '\n'
            '        [[ 0.9760,  0.9280, -0.0447],\n'
            '         [-0.3396, -0.6035, -1.0031],\n'
            '         [ 0.8206,  0.0494, -0.9194]]]) tensor([25., 25., 25., 25.])\n'
            'ConvTranspose1d(3, 2, kernel_size=(2,), stride=(2,), bias=False) torch.Size([3, 2, 2])\n'
            'tensor([[ 0.8613, -0.3704,  0.8613, -0.3704,  0.8613, -0.3704,  0.8613, -0.3704],\n'
            '        [-0.2729, -0.0748, -0.2729, -0.0748, -0.2729, -0.0748, -0.2729, -0.0748]],\n'
            '       grad_fn=<SqueezeBackward1>)\n'
            'ConvTranspose2d(16, 33, kernel_size=(3, 5), stride=(2, 1), padding=(4, 2))\n'
            'ConvTranspose2d(2, 4, kernel_size=(3, 3), stride=(2, 2), dilation=(2, 2), output_padding=(1, 1), bias=False)\n'  # noqa: E501
            'ConvTranspose1d(2, 4, kernel_size=(3,), stride=(1,), output_padding=(1,))\n'
            'False True (0, 0)\n'
            'ValueError Only "zeros" padding mode is supported for ConvTranspose2d\n'
            'ValueError in_channels must be divisible by groups\n'
            'ValueError requested an output size of (7, 7), but valid sizes range from [5, 5] to [6, 6] (for an input of torch.Size([3, 3]))\n'  # noqa: E501
            'ValueError ConvTranspose2D: for 4D input, output_size must have 2 or 4 elements (got 1)\n'
            'RuntimeError output padding must be smaller than either stride or dilation, but got output_padding_height: 2 output_padding_width: 2 stride_height: 2 stride_width: 2 dilation_height: 1 dilation_width: 1\n'  # noqa: E501
            'RuntimeError Given transposed=1, weight of size [3, 4, 3, 3], expected input[1, 2, 3, 3] to have 3 channels, but got 2 channels instead\n'  # noqa: E501
        ),
    ),
    # conv_transpose2d/1d's errors word for word: its argument parser's TypeErrors, shape checks, the slow and
    # mkldnn kernels' wordings, dtypes; an empty batch; integer tensors as ints
    "conv_transpose_refusals": (
        r"""
import torch
import torch.nn.functional as F
x, w = torch.ones(1, 2, 3, 3), torch.ones(2, 4, 3, 3)
calls = [
    lambda: F.conv_transpose2d(x, w, stride=2, output_padding=2),
    lambda: F.conv_transpose2d(x, w, padding=3),
    lambda: F.conv_transpose2d(torch.ones(2, 2, 3, 3), w, padding=3),
    lambda: F.conv_transpose2d(x, w, output_padding=-1),
    lambda: F.conv_transpose2d(x, w, dilation=0),
    lambda: F.conv_transpose2d(x, w, groups=3),
    lambda: F.conv_transpose2d(x, torch.ones(3, 4, 3, 3)),
    lambda: F.conv_transpose2d(x, w, torch.ones(3)),
    lambda: F.conv_transpose2d(x, w.double()),
    lambda: F.conv_transpose2d(torch.ones(4, 2, 3, 3), w.double()),
    lambda: F.conv_transpose2d(x.bool(), w.bool()),
    lambda: F.conv_transpose2d(x.long(), w.long(), torch.ones(4)),
    lambda: F.conv_transpose2d(x, w, stride=(1, 2, 3)),
    lambda: F.conv_transpose2d(torch.ones(3, 3), w),
    lambda: F.conv_transpose2d(x, torch.ones(2, 4)),
    lambda: F.conv_transpose2d(torch.ones(1, 2, 0, 3), w),
    lambda: F.conv_transpose1d(torch.ones(1, 2, 3), torch.ones(2, 4, 3), stride=(1, 1)),
    lambda: F.conv_transpose1d(torch.ones(1, 2, 6), torch.ones(2, 4, 4), padding=7),
    lambda: F.conv_transpose2d(x, w, stride=1.5),
    lambda: F.conv_transpose2d(x, w, None, 1.5),
    lambda: F.conv_transpose2d(x, w, None, [2.0, 1]),
    lambda: F.conv_transpose2d(x, w, None, (1, 2.0)),
    lambda: F.conv_transpose2d(x, w, groups=True),
    lambda: F.conv_transpose2d(x, 3),
    lambda: F.conv_transpose2d(x),
    lambda: F.conv_transpose2d(x, w, strides=2),
    lambda: torch.conv_transpose2d(x, w, None, 1, 0, 0, 1, 1, stride=2),
]
for call in calls:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
print(F.conv_transpose2d(torch.ones(0, 2, 3, 3), w, stride=2).shape)
print(F.conv_transpose2d(x, w, stride=torch.tensor(2), groups=torch.tensor(1)).shape)
print(F.conv_transpose2d(x.double(), w.double(), torch.ones(4), stride=[2]).dtype)
""",
        (
            'RuntimeError output padding must be smaller than either stride or dilation, but got output_padding_height: 2 output_padding_width: 2 stride_height: 2 stride_width: 2 dilation_height: 1 dilation_width: 1\n'  # noqa: E501
            'RuntimeError Given input size per channel: (3 x 3). Calculated output size per channel: (-1 x -1). Output size is too small\n'  # noqa: E501
            'RuntimeError could not construct a memory descriptor using a format tag\n'
            'RuntimeError negative output_padding is not supported\n'
            'RuntimeError dilation should be greater than zero, but got dilation_height: 0, dilation_width: 0\n'  # noqa: E501
            'RuntimeError Given groups=3, expected weight to be at least 3 at dimension 0, but got weight of size [2, 4, 3, 3] instead\n'  # noqa: E501
            'RuntimeError Given transposed=1, weight of size [3, 4, 3, 3], expected input[1, 2, 3, 3] to have 3 channels, but got 2 channels instead\n'  # noqa: E501
            'RuntimeError Given transposed=1, weight of size [2, 4, 3, 3], expected bias to be 1-dimensional with 4 elements, but got bias of size [3] instead\n'  # noqa: E501
            'RuntimeError expected scalar type Float but found Double\n'
            'RuntimeError Input type (torch.FloatTensor) and weight type (torch.DoubleTensor) should be the same or input should be a MKLDNN tensor and weight is a dense tensor\n'  # noqa: E501
            'NotImplementedError "slow_conv_transpose2d_out_cpu" not implemented for \'Bool\'\n'
            "RuntimeError result type Float can't be cast to the desired output type Long\n"
            'RuntimeError expected stride to be a single integer value or a list of 2 values to match the convolution dimensions, but got stride=[1, 2, 3]\n'  # noqa: E501
            'RuntimeError Expected 3D (unbatched) or 4D (batched) input to conv_transpose2d, but got input of size: [3, 3]\n'  # noqa: E501
            'RuntimeError weight should have at least three dimensions\n'
            'RuntimeError Only zero batch or zero channel inputs are supported, but got input shape: [1, 2, 0, 3]\n'  # noqa: E501
            'RuntimeError expected stride to be a single integer value or a list of 1 values to match the convolution dimensions, but got stride=[1, 1]\n'  # noqa: E501
            'RuntimeError Given input size per channel: (1 x 6). Calculated output size per channel: (1 x -5). Output size is too small\n'  # noqa: E501
            "TypeError conv_transpose2d(): argument 'stride' must be tuple of ints, not float\n"
            "TypeError conv_transpose2d(): argument 'stride' (position 4) must be tuple of ints, not float\n"
            "TypeError conv_transpose2d(): argument 'stride' (position 4) must be tuple of ints, but found element of type float at pos 0\n"  # noqa: E501
            'TypeError conv_transpose2d(): argument \'stride\' failed to unpack the object at pos 2 with error "type must be tuple of ints,but got float"\n'  # noqa: E501
            "TypeError conv_transpose2d(): argument 'groups' must be int, not bool\n"
            "TypeError conv_transpose2d(): argument 'weight' (position 2) must be Tensor, not int\n"
            'TypeError conv_transpose2d() missing 1 required positional arguments: "weight"\n'
            "TypeError conv_transpose2d() got an unexpected keyword argument 'strides'\n"
            "TypeError conv_transpose2d() got multiple values for argument 'stride'\n"
            'torch.Size([0, 4, 7, 7])\n'
            'torch.Size([1, 4, 7, 7])\n'
            'torch.float64\n'
        ),
    ),
    # F.interpolate: nearest, nearest-exact, linear and bilinear by size or scale_factor (aligned corners,
    # recomputed factors), float64, empty batches and area; values and gradients bit for bit, the nodes
    "interpolate_values": (
        r"""
import torch
import torch.nn.functional as F
x = torch.arange(8.0).reshape(1, 2, 4).requires_grad_()
for mode in ['nearest', 'nearest-exact', 'linear']:
    y = F.interpolate(x, scale_factor=1.5, mode=mode)
    print(y, y.shape)
    (y * torch.arange(12.0).reshape(1, 2, 6)).sum().backward()
    print(x.grad)
    x.grad = None
print(F.interpolate(x, size=7, mode='linear', align_corners=True))
print(F.interpolate(x, size=3, mode='linear'))
img = torch.tensor([[[[1.0, 2.0], [3.0, 4.0]]]], requires_grad=True)
for kw in [dict(scale_factor=2), dict(size=(3, 5), mode='bilinear'),
           dict(scale_factor=(1.5, 2), mode='bilinear', align_corners=True),
           dict(size=(3, 3), mode='nearest-exact')]:
    y = F.interpolate(img, **kw)
    print(y)
    y.pow(2).sum().backward()
    print(img.grad)
    img.grad = None
d = F.interpolate(img.double().detach(), scale_factor=2.5, mode='bilinear')
print(d.dtype, d.shape, d[0, 0, 1])
print(F.interpolate(x.detach(), scale_factor=1.7).shape, F.interpolate(x.detach(), scale_factor=1.7,
      recompute_scale_factor=True).shape)
print(F.interpolate(torch.arange(6.0).reshape(1, 1, 6), scale_factor=1.2, mode='linear'))
print(F.interpolate(torch.arange(6.0).reshape(1, 1, 6), scale_factor=2.4))
print(F.interpolate(torch.ones(0, 3, 2, 2), scale_factor=2).shape)
print(F.interpolate(img.detach(), size=1, mode='area'))
""",
        (
            'tensor([[[0., 0., 1., 2., 2., 3.],\n'
            '         [4., 4., 5., 6., 6., 7.]]], grad_fn=<UpsampleNearest1DBackward0>) torch.Size([1, 2, 6])\n'  # noqa: E501
            'tensor([[[ 1.,  2.,  7.,  5.],\n'
            '         [13.,  8., 19., 11.]]])\n'
            'tensor([[[0., 1., 1., 2., 3., 3.],\n'
            '         [4., 5., 5., 6., 7., 7.]]], grad_fn=<UpsampleNearestExact1DBackward0>) torch.Size([1, 2, 6])\n'  # noqa: E501
            'tensor([[[ 0.,  3.,  3.,  9.],\n'
            '         [ 6., 15.,  9., 21.]]])\n'
            'tensor([[[0.0000, 0.5000, 1.1667, 1.8333, 2.5000, 3.0000],\n'
            '         [4.0000, 4.5000, 5.1667, 5.8333, 6.5000, 7.0000]]],\n'
            '       grad_fn=<UpsampleLinear1DBackward0>) torch.Size([1, 2, 6])\n'
            'tensor([[[ 0.5000,  2.6667,  4.8333,  7.0000],\n'
            '         [ 9.5000, 11.6667, 13.8333, 16.0000]]])\n'
            'tensor([[[0.0000, 0.5000, 1.0000, 1.5000, 2.0000, 2.5000, 3.0000],\n'
            '         [4.0000, 4.5000, 5.0000, 5.5000, 6.0000, 6.5000, 7.0000]]],\n'
            '       grad_fn=<UpsampleLinear1DBackward0>)\n'
            'tensor([[[0.1667, 1.5000, 2.8333],\n'
            '         [4.1667, 5.5000, 6.8333]]], grad_fn=<UpsampleLinear1DBackward0>)\n'
            'tensor([[[[1., 1., 2., 2.],\n'
            '          [1., 1., 2., 2.],\n'
            '          [3., 3., 4., 4.],\n'
            '          [3., 3., 4., 4.]]]], grad_fn=<UpsampleNearest2DBackward0>)\n'
            'tensor([[[[ 8., 16.],\n'
            '          [24., 32.]]]])\n'
            'tensor([[[[1.0000, 1.1000, 1.5000, 1.9000, 2.0000],\n'
            '          [2.0000, 2.1000, 2.5000, 2.9000, 3.0000],\n'
            '          [3.0000, 3.1000, 3.5000, 3.9000, 4.0000]]]],\n'
            '       grad_fn=<UpsampleBilinear2DBackward0>)\n'
            'tensor([[[[11.2900, 16.2100],\n'
            '          [21.2900, 26.2100]]]])\n'
            'tensor([[[[1.0000, 1.3333, 1.6667, 2.0000],\n'
            '          [2.0000, 2.3333, 2.6667, 3.0000],\n'
            '          [3.0000, 3.3333, 3.6667, 4.0000]]]],\n'
            '       grad_fn=<UpsampleBilinear2DBackward0>)\n'
            'tensor([[[[ 9.3333, 12.6667],\n'
            '          [17.3333, 20.6667]]]])\n'
            'tensor([[[[1., 2., 2.],\n'
            '          [3., 4., 4.],\n'
            '          [3., 4., 4.]]]], grad_fn=<UpsampleNearestExact2DBackward0>)\n'
            'tensor([[[[ 2.,  8.],\n'
            '          [12., 32.]]]])\n'
            'torch.float64 torch.Size([1, 1, 5, 5]) tensor([1.2000, 1.3000, 1.7000, 2.1000, 2.2000], dtype=torch.float64)\n'  # noqa: E501
            'torch.Size([1, 2, 6]) torch.Size([1, 2, 6])\n'
            'tensor([[[0.0000, 0.7500, 1.5833, 2.4167, 3.2500, 4.0833, 4.9167]]])\n'
            'tensor([[[0., 0., 0., 1., 1., 2., 2., 2., 3., 3., 4., 4., 5., 5.]]])\n'
            'torch.Size([0, 3, 4, 4])\n'
            'tensor([[[[2.5000]]]])\n'
        ),
    ),
    # nn.Upsample, UpsamplingNearest2d and UpsamplingBilinear2d: reprs, attributes, outputs and nodes, in a
    # decoder-like Sequential with ConvTranspose2d, and the errors their forward raises
    "upsample_layers": (
        r"""
import torch
import torch.nn as nn
torch.manual_seed(0)
x = torch.randn(1, 1, 2, 3)
layers = [nn.Upsample(scale_factor=2), nn.Upsample(size=(3, 4), mode='bilinear'),
          nn.Upsample(scale_factor=(1.5, 2.0), mode='bilinear', align_corners=True),
          nn.Upsample(size=4, mode='nearest-exact'), nn.UpsamplingNearest2d(scale_factor=2),
          nn.UpsamplingBilinear2d(size=(3, 3))]
for layer in layers:
    y = layer(x)
    print(layer, tuple(y.shape), y.grad_fn)
    print(y[0, 0])
print(nn.Upsample(scale_factor=3, mode='linear')(torch.arange(3.0).reshape(1, 1, 3)))
up = nn.Upsample(scale_factor=2, mode='bilinear')
print(up.scale_factor, up.size, up.mode, up.align_corners, up.recompute_scale_factor)
model = nn.Sequential(nn.ConvTranspose2d(1, 2, 2, stride=2), nn.Upsample(scale_factor=2), nn.ReLU())
print(model)
print(model(x).shape)
print(nn.Upsample(size=5)(torch.arange(3.0).reshape(1, 1, 3)))
for make in [lambda: nn.Upsample()(x), lambda: nn.Upsample(4, mode='linear')(x),
             lambda: nn.Upsample(scale_factor=2, align_corners=True)(x),
             lambda: nn.UpsamplingBilinear2d(scale_factor=2)(torch.ones(1, 1, 3))]:
    try:
        make()
    except Exception as e:
        print(type(e).__name__, e)
""",
        (
            "Upsample(scale_factor=2.0, mode='nearest') (1, 1, 4, 6) None\n"
            'tensor([[ 1.5410,  1.5410, -0.2934, -0.2934, -2.1788, -2.1788],\n'
            '        [ 1.5410,  1.5410, -0.2934, -0.2934, -2.1788, -2.1788],\n'
            '        [ 0.5684,  0.5684, -1.0845, -1.0845, -1.3986, -1.3986],\n'
            '        [ 0.5684,  0.5684, -1.0845, -1.0845, -1.3986, -1.3986]])\n'
            "Upsample(size=(3, 4), mode='bilinear') (1, 1, 3, 4) None\n"
            'tensor([[ 1.5410,  0.3945, -1.0004, -2.1788],\n'
            '        [ 1.0547, -0.0351, -1.1014, -1.7887],\n'
            '        [ 0.5684, -0.4647, -1.2023, -1.3986]])\n'
            "Upsample(scale_factor=(1.5, 2.0), mode='bilinear') (1, 1, 3, 6) None\n"
            'tensor([[ 1.5410,  0.8072,  0.0735, -0.6705, -1.4246, -2.1788],\n'
            '        [ 1.0547,  0.3572, -0.3402, -0.9089, -1.3488, -1.7887],\n'
            '        [ 0.5684, -0.0928, -0.7539, -1.1473, -1.2730, -1.3986]])\n'
            "Upsample(size=4, mode='nearest-exact') (1, 1, 4, 4) None\n"
            'tensor([[ 1.5410, -0.2934, -0.2934, -2.1788],\n'
            '        [ 1.5410, -0.2934, -0.2934, -2.1788],\n'
            '        [ 0.5684, -1.0845, -1.0845, -1.3986],\n'
            '        [ 0.5684, -1.0845, -1.0845, -1.3986]])\n'
            "UpsamplingNearest2d(scale_factor=2.0, mode='nearest') (1, 1, 4, 6) None\n"
            'tensor([[ 1.5410,  1.5410, -0.2934, -0.2934, -2.1788, -2.1788],\n'
            '        [ 1.5410,  1.5410, -0.2934, -0.2934, -2.1788, -2.1788],\n'
            '        [ 0.5684,  0.5684, -1.0845, -1.0845, -1.3986, -1.3986],\n'
            '        [ 0.5684,  0.5684, -1.0845, -1.0845, -1.3986, -1.3986]])\n'
            "UpsamplingBilinear2d(size=(3, 3), mode='bilinear') (1, 1, 3, 3) None\n"
            'tensor([[ 1.5410, -0.2934, -2.1788],\n'
            '        [ 1.0547, -0.6890, -1.7887],\n'
            '        [ 0.5684, -1.0845, -1.3986]])\n'
            'tensor([[[0.0000e+00, 1.4901e-08, 3.3333e-01, 6.6667e-01, 1.0000e+00,\n'
            '          1.3333e+00, 1.6667e+00, 2.0000e+00, 2.0000e+00]]])\n'
            '2.0 None bilinear None None\n'
            'Sequential(\n'
            '  (0): ConvTranspose2d(1, 2, kernel_size=(2, 2), stride=(2, 2))\n'
            "  (1): Upsample(scale_factor=2.0, mode='nearest')\n"
            '  (2): ReLU()\n'
            ')\n'
            'torch.Size([1, 2, 8, 12])\n'
            'tensor([[[0., 0., 1., 1., 2.]]])\n'
            'ValueError either size or scale_factor should be defined\n'
            'NotImplementedError Got 4D input, but linear mode needs 3D input\n'
            'ValueError align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear\n'  # noqa: E501
            'NotImplementedError Got 3D input, but bilinear mode needs 4D input\n'
        ),
    ),
    # F.interpolate's errors word for word: its Python checks, the upsampling ops' binding TypeErrors, the
    # kernels' size, emptiness and dtype refusals, modes that do not fit the input
    "interpolate_refusals": (
        r"""
import torch
import torch.nn.functional as F
x, img = torch.ones(1, 1, 6), torch.ones(1, 1, 3, 4)
calls = [
    lambda: F.interpolate(x, 4, align_corners=True),
    lambda: F.interpolate(x, 4, 2),
    lambda: F.interpolate(x),
    lambda: F.interpolate(x, (2, 3)),
    lambda: F.interpolate(img, scale_factor=(2,)),
    lambda: F.interpolate(x, 4, recompute_scale_factor=True),
    lambda: F.interpolate(x, 0),
    lambda: F.interpolate(img, scale_factor=0.3, mode='bilinear'),
    lambda: F.interpolate(x, (2.5,)),
    lambda: F.interpolate(x, 2.5),
    lambda: F.interpolate(img, scale_factor=(2, 'a')),
    lambda: F.interpolate(x, scale_factor=2, mode='linear', align_corners=1),
    lambda: F.interpolate(x.long(), 4),
    lambda: F.interpolate(img.long(), 4, mode='bilinear'),
    lambda: F.interpolate(torch.ones(6), 4),
    lambda: F.interpolate(img, 4, mode='linear'),
    lambda: F.interpolate(x, 4, mode='bilinear'),
    lambda: F.interpolate(x, 4, mode='cubic'),
    lambda: F.interpolate(torch.ones(1, 0, 6), 4, mode='linear'),
    lambda: F.interpolate(x, 4, mode='linear', antialias=True),
    lambda: F.interpolate(img, 4, mode='lanczos'),
    lambda: F.interpolate(x, scale_factor=1e30),
]
for call in calls:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
print(F.interpolate(x, size=torch.tensor(3)).shape, F.interpolate(x, scale_factor=True).shape)
""",
        (
            'ValueError align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear\n'  # noqa: E501
            'ValueError only one of size or scale_factor should be defined\n'
            'ValueError either size or scale_factor should be defined\n'
            'ValueError Input and output must have the same number of spatial dimensions, but got input with spatial dimensions of [6] and output size of (2, 3). Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.\n'  # noqa: E501
            'ValueError Input and scale_factor must have the same number of spatial dimensions, but got input with spatial dimensions of [3, 4] and scale_factor of shape (2,). Please provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format.\n'  # noqa: E501
            'ValueError recompute_scale_factor is not meaningful with an explicit size.\n'
            'RuntimeError Input and output sizes should be greater than 0, but got input (W: 6) and output (W: 0)\n'  # noqa: E501
            'RuntimeError Input and output sizes should be greater than 0, but got input (H: 3, W: 4) output (H: 0, W: 1)\n'  # noqa: E501
            "TypeError expected size to be one of int or Tuple[int] or Tuple[int, int] or Tuple[int, int, int], but got size with types [<class 'float'>]\n"  # noqa: E501
            'TypeError upsample_nearest1d() received an invalid combination of arguments - got (Tensor, list, NoneType), but expected one of:\n'  # noqa: E501
            ' * (Tensor input, tuple of ints output_size, tuple of floats scale_factors)\n'
            "      didn't match because some of the arguments have invalid types: (Tensor, !list of [float]!, !NoneType!)\n"  # noqa: E501
            ' * (Tensor input, tuple of ints output_size, float scales = None, *, Tensor out = None)\n'
            '\n'
            "TypeError upsample_nearest2d(): argument 'scale_factors' must be tuple of floats, but found element of type str at pos 2\n"  # noqa: E501
            'TypeError upsample_linear1d() received an invalid combination of arguments - got (Tensor, NoneType, int, list), but expected one of:\n'  # noqa: E501
            ' * (Tensor input, tuple of ints output_size, bool align_corners, tuple of floats scale_factors)\n'  # noqa: E501
            "      didn't match because some of the arguments have invalid types: (Tensor, !NoneType!, !int!, !list of [int]!)\n"  # noqa: E501
            ' * (Tensor input, tuple of ints output_size, bool align_corners, float scales = None, *, Tensor out = None)\n'  # noqa: E501
            '\n'
            'NotImplementedError "compute_indices_weights_nearest" not implemented for \'Long\'\n'
            'NotImplementedError "upsample_bilinear2d_channels_last" not implemented for \'Long\'\n'
            'NotImplementedError Input Error: Only 3D, 4D and 5D input Tensors supported (got 1D) for the modes: nearest | linear | bilinear | bicubic | trilinear | lanczos | area | nearest-exact (got nearest)\n'  # noqa: E501
            'NotImplementedError Got 4D input, but linear mode needs 3D input\n'
            'NotImplementedError Got 3D input, but bilinear mode needs 4D input\n'
            'NotImplementedError Input Error: Only 3D, 4D and 5D input Tensors supported (got 3D) for the modes: nearest | linear | bilinear | bicubic | trilinear | lanczos | area | nearest-exact (got cubic)\n'  # noqa: E501
            'RuntimeError Non-empty 3D data tensor expected but got a tensor with sizes [1, 0, 6]\n'
            'ValueError Anti-alias option is restricted to bilinear, bicubic, and lanczos modes and requires a 4-D tensor as input\n'  # noqa: E501
            'ValueError Lanczos mode requires antialias=True\n'
            'RuntimeError value cannot be converted to type int64_t without overflow\n'
            'torch.Size([1, 1, 3]) torch.Size([1, 1, 6])\n'
        ),
    ),
    # F.pixel_shuffle/pixel_unshuffle (also torch.) and nn.PixelShuffle/PixelUnshuffle: values, extra batch
    # dimensions, integer and bool tensors, gradients, the nodes, reprs, and PyTorch's refusals
    "pixel_shuffle_as_pytorchs": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
x = torch.arange(32.0).reshape(1, 8, 2, 2).requires_grad_()
y = F.pixel_shuffle(x, 2)
print(y, y.grad_fn)
y.backward(torch.arange(32.0).reshape(1, 2, 4, 4))
print(x.grad[0, :3])
z = torch.pixel_unshuffle(y, 2)
print(z.shape, z.grad_fn, z.grad_fn.next_functions[0][0].name(), torch.equal(z, x))
print(F.pixel_shuffle(torch.arange(18).reshape(2, 9, 1, 1), 3))
print(F.pixel_unshuffle(torch.ones(2, 3, 4, 6, dtype=torch.bool), 2).shape)
print(F.pixel_shuffle(torch.ones(3, 2, 4, 1, 1), 2).shape, F.pixel_shuffle(torch.ones(0, 4, 2, 2), 2).shape)
print(F.pixel_shuffle(x, 1).grad_fn, F.pixel_shuffle(x, upscale_factor=torch.tensor(2)).shape)
torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.PixelShuffle(2), nn.PixelUnshuffle(2))
print(net)
print(net(torch.randn(1, 1, 2, 2))[0, :, 0])
for call in [lambda: F.pixel_shuffle(torch.ones(2, 2), 2),
             lambda: F.pixel_shuffle(torch.ones(1, 6, 2, 2), 2),
             lambda: F.pixel_shuffle(torch.ones(1, 8, 2, 2), 0),
             lambda: F.pixel_unshuffle(torch.ones(1, 2, 3, 4), 2),
             lambda: F.pixel_unshuffle(torch.ones(1, 2, 4, 3), 2),
             lambda: F.pixel_unshuffle(torch.ones(1, 2, 4, 4), -1),
             lambda: F.pixel_shuffle(x, 2.0),
             lambda: F.pixel_shuffle(x, upscale_factor=True),
             lambda: F.pixel_shuffle(x),
             lambda: F.pixel_shuffle(x, 2, 3),
             lambda: nn.PixelShuffle(3)(x)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
""",
        (
            'tensor([[[[ 0.,  4.,  1.,  5.],\n'
            '          [ 8., 12.,  9., 13.],\n'
            '          [ 2.,  6.,  3.,  7.],\n'
            '          [10., 14., 11., 15.]],\n'
            '\n'
            '         [[16., 20., 17., 21.],\n'
            '          [24., 28., 25., 29.],\n'
            '          [18., 22., 19., 23.],\n'
            '          [26., 30., 27., 31.]]]], grad_fn=<PixelShuffleBackward0>) <PixelShuffleBackward0 object at 0x…>\n'  # noqa: E501
            'tensor([[[ 0.,  2.],\n'
            '         [ 8., 10.]],\n'
            '\n'
            '        [[ 1.,  3.],\n'
            '         [ 9., 11.]],\n'
            '\n'
            '        [[ 4.,  6.],\n'
            '         [12., 14.]]])\n'
            'torch.Size([1, 8, 2, 2]) <PixelUnshuffleBackward0 object at 0x…> PixelShuffleBackward0 True\n'
            'tensor([[[[ 0,  1,  2],\n'
            '          [ 3,  4,  5],\n'
            '          [ 6,  7,  8]]],\n'
            '\n'
            '\n'
            '        [[[ 9, 10, 11],\n'
            '          [12, 13, 14],\n'
            '          [15, 16, 17]]]])\n'
            'torch.Size([2, 12, 2, 3])\n'
            'torch.Size([3, 2, 1, 2, 2]) torch.Size([0, 1, 4, 4])\n'
            '<PixelShuffleBackward0 object at 0x…> torch.Size([1, 2, 4, 4])\n'
            'Sequential(\n'
            '  (0): Conv2d(1, 4, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))\n'
            '  (1): PixelShuffle(upscale_factor=2)\n'
            '  (2): PixelUnshuffle(downscale_factor=2)\n'
            ')\n'
            'tensor([[ 0.1135, -0.2739],\n'
            '        [ 0.2835, -0.0392],\n'
            '        [ 0.7537,  0.1282],\n'
            '        [-0.5072,  0.2082]], grad_fn=<SelectBackward0>)\n'
            'RuntimeError pixel_shuffle expects input to have at least 3 dimensions, but got input with 2 dimension(s)\n'  # noqa: E501
            "RuntimeError pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of upscale_factor, but input.size(-3)=6 is not divisible by 4\n"  # noqa: E501
            'RuntimeError pixel_shuffle expects a positive upscale_factor, but got 0\n'
            'RuntimeError pixel_unshuffle expects height to be divisible by downscale_factor, but input.size(-2)=3 is not divisible by 2\n'  # noqa: E501
            'RuntimeError pixel_unshuffle expects width to be divisible by downscale_factor, but input.size(-1)=3 is not divisible by 2\n'  # noqa: E501
            'RuntimeError pixel_unshuffle expects a positive downscale_factor, but got -1\n'
            "TypeError pixel_shuffle(): argument 'upscale_factor' (position 2) must be int, not float\n"
            "TypeError pixel_shuffle(): argument 'upscale_factor' must be int, not bool\n"
            'TypeError pixel_shuffle() missing 1 required positional arguments: "upscale_factor"\n'
            'TypeError pixel_shuffle() takes 2 positional arguments but 3 were given\n'
            "RuntimeError pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of upscale_factor, but input.size(-3)=8 is not divisible by 9\n"  # noqa: E501
        ),
    ),
    # F.interpolate(mode='bicubic') and nn.Upsample in bicubic mode: Keys' cubic with PyTorch's arithmetic,
    # aligned corners, float64, the gradient (passed straight through when no size changes), refusals
    "interpolate_bicubic": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
img = torch.tensor([[[[0.0, 1.0, 4.0], [2.0, 3.0, 1.0], [5.0, 0.0, 2.0]]]], requires_grad=True)
y = F.interpolate(img, scale_factor=2, mode='bicubic')
print(y, y.grad_fn)
y.sum().backward()
print(img.grad)
img.grad = None
z = F.interpolate(img, size=(4, 5), mode='bicubic', align_corners=True)
print(z)
(z * z).sum().backward()
print(img.grad)
print(F.interpolate(img.detach().double(), scale_factor=1.5, mode='bicubic')[0, 0, 1])
print(F.interpolate(img.detach(), scale_factor=(1.1, 1.0), mode='bicubic')[0, 0])
up = nn.Upsample(scale_factor=1.5, mode='bicubic', align_corners=False)
print(up, up(img).shape)
for call in [lambda: F.interpolate(torch.ones(1, 1, 3), 4, mode='bicubic'),
             lambda: F.interpolate(img.long(), 4, mode='bicubic')]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
""",
        (
            'tensor([[[[-0.3164, -0.1084,  0.1905,  1.6937,  3.5524,  4.6884],\n'
            '          [ 0.2199,  0.5613,  1.1021,  2.0775,  2.9366,  3.4673],\n'
            '          [ 1.0583,  1.6457,  2.6293,  2.7434,  1.9237,  1.4383],\n'
            '          [ 2.9285,  2.8662,  2.7836,  2.1261,  1.2648,  0.7392],\n'
            '          [ 4.7746,  3.5335,  1.4780,  0.5740,  1.3320,  1.7648],\n'
            '          [ 5.9105,  3.9551,  0.7043, -0.3618,  1.3587,  2.3609]]]],\n'
            '       grad_fn=<UpsampleBicubic2DBackward0>) <UpsampleBicubic2DBackward0 object at 0x…>\n'
            'tensor([[[[3.8606, 4.0678, 3.8606],\n'
            '          [4.0678, 4.2862, 4.0678],\n'
            '          [3.8606, 4.0678, 3.8606]]]])\n'
            'tensor([[[[0.0000, 0.2188, 1.0000, 2.5938, 4.0000],\n'
            '          [1.0370, 1.9520, 2.7037, 2.4248, 1.8333],\n'
            '          [3.1667, 2.8437, 2.2778, 1.5463, 0.9815],\n'
            '          [5.0000, 2.3125, 0.0000, 0.5312, 2.0000]]]],\n'
            '       grad_fn=<UpsampleBicubic2DBackward0>)\n'
            'tensor([[[[-0.1307,  7.5930, 12.0245],\n'
            '          [ 9.9207, 16.2234,  6.9290],\n'
            '          [14.6139,  5.2740,  4.3984]]]])\n'
            'tensor([0.5831, 1.4883, 2.4348, 2.4154], dtype=torch.float64)\n'
            'tensor([[-0.0621,  0.9379,  4.0932],\n'
            '        [ 1.5413,  2.9989,  1.2686],\n'
            '        [ 4.4499,  0.6698,  1.7069]])\n'
            "Upsample(scale_factor=1.5, mode='bicubic') torch.Size([1, 1, 4, 4])\n"
            'NotImplementedError Input Error: Only 3D, 4D and 5D input Tensors supported (got 3D) for the modes: nearest | linear | bilinear | bicubic | trilinear | lanczos | area | nearest-exact (got bicubic)\n'  # noqa: E501
            'NotImplementedError "compute_indices_weights_cubic" not implemented for \'Long\'\n'
        ),
    ),
    # conv1d runs on PyTorch's slow kernel unless batched or grouped (its kernel is a (1, K) one to mkldnn):
    # the wordings of a dtype mismatch and a zero dilation follow, as for conv2d
    "conv1d_kernel_choice_as_pytorchs": (
        r"""
import torch
import torch.nn.functional as F
calls = [
    lambda: F.conv1d(torch.ones(1, 2, 8), torch.ones(4, 2, 5).double()),
    lambda: F.conv1d(torch.ones(2, 2, 8), torch.ones(4, 2, 5).double()),
    lambda: F.conv1d(torch.ones(1, 2, 8), torch.ones(4, 2, 5), dilation=0),
    lambda: F.conv1d(torch.ones(2, 2, 8), torch.ones(4, 2, 5), dilation=0),
    lambda: F.conv2d(torch.ones(1, 2, 8, 8), torch.ones(4, 2, 4, 4).double()),
    lambda: F.conv2d(torch.ones(1, 2, 8, 8), torch.ones(4, 2, 1, 4).double()),
    lambda: F.conv2d(torch.ones(1, 2, 8, 8), torch.ones(4, 2, 3, 3), dilation=(1, 0)),
]
for call in calls:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
""",
        (
            'RuntimeError expected scalar type Float but found Double\n'
            'RuntimeError Input type (torch.FloatTensor) and weight type (torch.DoubleTensor) should be the same or input should be a MKLDNN tensor and weight is a dense tensor\n'  # noqa: E501
            'RuntimeError dilation should be greater than zero, but got [1, 0]\n'
            'RuntimeError non-positive dilation is not supported\n'
            'RuntimeError Input type (torch.FloatTensor) and weight type (torch.DoubleTensor) should be the same or input should be a MKLDNN tensor and weight is a dense tensor\n'  # noqa: E501
            'RuntimeError expected scalar type Float but found Double\n'
            'RuntimeError dilation should be greater than zero, but got [1, 0]\n'
        ),
    ),
    # nbytes, itemsize, is_cpu, storage_offset and data_ptr of views, new_empty; factories refuse sizes that
    # are not whole numbers (zeros(2.0), nn.Conv2d(2, 4, 3.0)) in PyTorch's words.
    "sizes_offsets_and_pointers_as_pytorchs": (
        r"""
import torch

x = torch.arange(12.).view(3, 4)
print(x.nbytes, x.itemsize, x.is_cpu, x.element_size())
print(x[1:].storage_offset(), x.t().storage_offset(), x[:, 2].storage_offset(), x.storage_offset())
print(x[1:].data_ptr() - x.data_ptr(), x[2, 3].data_ptr() - x.data_ptr())
print(x.new_empty(2).shape, x.new_empty((2, 3), dtype=torch.int64).dtype)
for bad in (lambda: torch.empty(2.0), lambda: torch.zeros(2, 3.0), lambda: torch.ones((2, 3.5)),
            lambda: torch.nn.Conv2d(2, 4, 3.0), lambda: torch.rand(2.0), lambda: torch.empty(True)):
    try:
        bad()
    except TypeError as error:
        print(type(error).__name__, error)
""",
        (
            '48 4 True 4\n'
            '4 0 2 0\n'
            '16 44\n'
            'torch.Size([2]) torch.int64\n'
            "TypeError empty(): argument 'size' (position 1) must be tuple of ints, not float\n"
            'TypeError zeros(): argument \'size\' failed to unpack the object at pos 2 with error "type must be tuple of ints,but got float"\n'  # noqa: E501
            'TypeError ones(): argument \'size\' failed to unpack the object at pos 2 with error "type must be tuple of ints,but got float"\n'  # noqa: E501
            'TypeError empty(): argument \'size\' failed to unpack the object at pos 3 with error "type must be tuple of ints,but got float"\n'  # noqa: E501
            "TypeError rand(): argument 'size' (position 1) must be tuple of ints, not float\n"
            "TypeError empty(): argument 'size' (position 1) must be tuple of ints, not bool\n"
        ),
    ),
    # torch.dist (DistBackward0 for every p), ger, addmm with beta and alpha (also as a method), argwhere,
    # randint_like, hardshrink as a method, split_with_sizes (SplitWithSizesBackward0; its in-place refusal).
    "dist_ger_addmm_argwhere_and_split_with_sizes": (
        r"""
import torch

a = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
b = torch.tensor([[0., 1.], [1., 1.]])
d = torch.dist(a, b)
print(d, a.dist(b, 1), torch.dist(a, b, float("inf")), torch.dist(a, b, 0), torch.dist(a, b[0], 3))
d.backward()
print(a.grad)
print(a[0].ger(a[1]), torch.ger(a[0], a[1]))
print(a.addmm(a, a), torch.addmm(b, b, b, beta=0.5, alpha=2), b.addmm(b, b, beta=2))
print(torch.argwhere(torch.tensor([[0, 1], [2, 0]])), torch.randint_like(torch.ones(3), 5).dtype)
print(torch.tensor([[1, 2], [3, 4]]).split_with_sizes([1, 1]), a.hardshrink(2.5))
pieces = torch.ones(4, requires_grad=True).clone().split_with_sizes([1, 3])
print(pieces[0].grad_fn, torch.split(torch.ones(4), [2, 2])[1])
try:
    pieces[0].mul_(2)
except RuntimeError as error:
    print(type(error).__name__, error)
""",
        (
            'tensor(3.8730, grad_fn=<DistBackward0>) tensor(7., grad_fn=<DistBackward0>) tensor(3., grad_fn=<DistBackward0>) tensor(4., grad_fn=<DistBackward0>) tensor(3.8259, grad_fn=<DistBackward0>)\n'  # noqa: E501
            'tensor([[0.2582, 0.2582],\n'
            '        [0.5164, 0.7746]])\n'
            'tensor([[3., 4.],\n'
            '        [6., 8.]], grad_fn=<MulBackward0>) tensor([[3., 4.],\n'
            '        [6., 8.]], grad_fn=<MulBackward0>)\n'
            'tensor([[ 8., 12.],\n'
            '        [18., 26.]], grad_fn=<AddmmBackward0>) tensor([[2.0000, 2.5000],\n'
            '        [2.5000, 4.5000]]) tensor([[1., 3.],\n'
            '        [3., 4.]])\n'
            'tensor([[0, 1],\n'
            '        [1, 0]]) torch.float32\n'
            '(tensor([[1, 2]]), tensor([[3, 4]])) tensor([[0., 0.],\n'
            '        [3., 4.]], grad_fn=<HardshrinkBackward0>)\n'
            '<SplitWithSizesBackward0 object at 0x…> tensor([1., 1.])\n'
            'RuntimeError Output 0 of SplitWithSizes is a view and is being modified inplace. This view is the output of a function that returns multiple views. Such functions do not allow the output views to be modified inplace. You should replace the inplace operation by an out-of-place one.\n'  # noqa: E501
        ),
    ),
    # x.gt_(y) and kin (1 or 0 in x's dtype; GtBackward0/1, zero gradients), logical and bitwise ops in place,
    # tril_, triu_, cumsum_, cumprod_, and the torch.* forms of in-place methods (torch.neg_(x) ...).
    "in_place_comparisons_and_torch_in_place_functions": (
        r"""
import torch

x = torch.tensor([1., 2., 3.], requires_grad=True)
y = x.clone()
z = y.gt_(2)
print(z, z is y)
z.sum().backward()
print(x.grad)
print(x.clone().eq_(torch.tensor([1., 0., 3.])), torch.tensor([1, 2, 3]).lt_(2))
print(torch.tensor([1., 2.]).ge_(1.5), torch.tensor([1., 2.]).greater_(1.5), torch.tensor([1., 2.]).ne_(1.))
print(torch.tensor([1., 2.]).le_(torch.tensor([2., 1.])), torch.tensor([1., 2.]).less_equal_(1.))
print(torch.tensor([True, False]).logical_and_(torch.tensor([True, True])))
ones = torch.tensor([1, 1])
print(torch.tensor([5, 3]).bitwise_and_(ones), torch.tensor([5, 3]).bitwise_xor_(ones))
m = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
changes = {
    "tril_": lambda t: t.tril_(),
    "triu_": lambda t: t.triu_(),
    "cumsum_": lambda t: t.cumsum_(0),
    "cumprod_": lambda t: t.cumprod_(0),
}
for name, change in changes.items():
    out = change(m.clone())
    print(name, out, out.grad_fn)
w = m.clone()
print(torch.neg_(w), torch.zero_(w.clone()), torch.fill_(w.clone(), 2.), torch.relu_(torch.tensor([-1., 1.])))
print(torch.exp_(torch.zeros(2)), torch.floor_(torch.tensor([1.5, -1.5])), torch.sqrt_(torch.tensor([4.])))
""",
        (
            'tensor([0., 0., 1.], grad_fn=<GtBackward0>) True\n'
            'tensor([0., 0., 0.])\n'
            'tensor([1., 0., 1.], grad_fn=<EqBackward1>) tensor([1, 0, 0])\n'
            'tensor([0., 1.]) tensor([0., 1.]) tensor([0., 1.])\n'
            'tensor([1., 0.]) tensor([1., 0.])\n'
            'tensor([ True, False])\n'
            'tensor([1, 1]) tensor([4, 2])\n'
            'tril_ tensor([[1., 0.],\n'
            '        [3., 4.]], grad_fn=<TrilBackward0>) <TrilBackward0 object at 0x…>\n'
            'triu_ tensor([[1., 2.],\n'
            '        [0., 4.]], grad_fn=<TriuBackward0>) <TriuBackward0 object at 0x…>\n'
            'cumsum_ tensor([[1., 2.],\n'
            '        [4., 6.]], grad_fn=<CumsumBackward0>) <CumsumBackward0 object at 0x…>\n'
            'cumprod_ tensor([[1., 2.],\n'
            '        [3., 8.]], grad_fn=<CumprodBackward0>) <CumprodBackward0 object at 0x…>\n'
            'tensor([[-1., -2.],\n'
            '        [-3., -4.]], grad_fn=<NegBackward0>) tensor([[0., 0.],\n'
            '        [0., 0.]], grad_fn=<ZeroBackward0>) tensor([[2., 2.],\n'
            '        [2., 2.]], grad_fn=<FillBackward2>) tensor([0., 1.])\n'
            'tensor([1., 1.]) tensor([ 1., -2.]) tensor([2.])\n'
        ),
    ),
    # nn.ParameterList / nn.ParameterDict: registration (named_parameters, state_dict, a model's repr),
    # indexing, append/extend/update, pop, errors
    "parameter_list_and_dict": (
        r"""
import torch
import torch.nn as nn

torch.manual_seed(0)
pl = nn.ParameterList([nn.Parameter(torch.randn(3)), nn.Parameter(torch.zeros(2, 2))])
print(pl)
print(len(pl), type(pl))
pl.append(nn.Parameter(torch.ones(1, dtype=torch.float64)))
pl.extend([torch.ones(2)])
print(pl)
print(type(pl[3]).__name__, pl[3].requires_grad)
print([n for n, p in pl.named_parameters()])
print(list(pl.state_dict().keys()))
for p in pl:
    print(p.shape)
print(pl[-1])
print(pl[1:3])
pl[0] = nn.Parameter(torch.full((2,), 5.0))
print(pl[0])
e = nn.ParameterList()
print(e, len(e))

class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.ws = nn.ParameterList([nn.Parameter(torch.ones(2)) for _ in range(2)])
    def forward(self, x):
        for w in self.ws:
            x = x * w
        return x

m = M()
print(m)
print([n for n, _ in m.named_parameters()])
out = m(torch.tensor([1.0, 2.0])).sum()
out.backward()
print(m.ws[0].grad)
print(list(m.state_dict().keys()))

pd = nn.ParameterDict({"a": nn.Parameter(torch.ones(2)), "b": nn.Parameter(torch.zeros(3, 1))})
print(pd)
pd["c"] = nn.Parameter(torch.ones(1, dtype=torch.float64))
pd.update({"d": torch.ones(2)})
print(pd)
print(len(pd), list(pd), list(pd.keys()))
print("a" in pd, "z" in pd)
print([n for n, _ in pd.named_parameters()])
print(list(pd.state_dict().keys()))
print(pd["b"])
print(pd.pop("b").shape, list(pd.keys()))
for k, v in pd.items():
    print(k, v.shape)
print(type(pd))
print(nn.ParameterDict())
try:
    pd["zz"]
except Exception as e:
    print(type(e).__name__, e)
try:
    pl[10]
except Exception as e:
    print(type(e).__name__, e)
""",
        (
            'ParameterList(\n'
            '    (0): Parameter containing: [torch.float32 of size 3]\n'
            '    (1): Parameter containing: [torch.float32 of size 2x2]\n'
            ')\n'
            "2 <class 'torch.nn.modules.container.ParameterList'>\n"
            'ParameterList(\n'
            '    (0): Parameter containing: [torch.float32 of size 3]\n'
            '    (1): Parameter containing: [torch.float32 of size 2x2]\n'
            '    (2): Parameter containing: [torch.float64 of size 1]\n'
            '    (3): Parameter containing: [torch.float32 of size 2]\n'
            ')\n'
            'Parameter True\n'
            "['0', '1', '2', '3']\n"
            "['0', '1', '2', '3']\n"
            'torch.Size([3])\n'
            'torch.Size([2, 2])\n'
            'torch.Size([1])\n'
            'torch.Size([2])\n'
            'Parameter containing:\n'
            'tensor([1., 1.], requires_grad=True)\n'
            'ParameterList(\n'
            '    (0): Parameter containing: [torch.float32 of size 2x2]\n'
            '    (1): Parameter containing: [torch.float64 of size 1]\n'
            ')\n'
            'Parameter containing:\n'
            'tensor([5., 5.], requires_grad=True)\n'
            'ParameterList() 0\n'
            'M(\n'
            '  (ws): ParameterList(\n'
            '      (0): Parameter containing: [torch.float32 of size 2]\n'
            '      (1): Parameter containing: [torch.float32 of size 2]\n'
            '  )\n'
            ')\n'
            "['ws.0', 'ws.1']\n"
            'tensor([1., 2.])\n'
            "['ws.0', 'ws.1']\n"
            'ParameterDict(\n'
            '    (a): Parameter containing: [torch.FloatTensor of size 2]\n'
            '    (b): Parameter containing: [torch.FloatTensor of size 3x1]\n'
            ')\n'
            'ParameterDict(\n'
            '    (a): Parameter containing: [torch.FloatTensor of size 2]\n'
            '    (b): Parameter containing: [torch.FloatTensor of size 3x1]\n'
            '    (c): Parameter containing: [torch.DoubleTensor of size 1]\n'
            '    (d): Parameter containing: [torch.FloatTensor of size 2]\n'
            ')\n'
            "4 ['a', 'b', 'c', 'd'] ['a', 'b', 'c', 'd']\n"
            'True False\n'
            "['a', 'b', 'c', 'd']\n"
            "['a', 'b', 'c', 'd']\n"
            'Parameter containing:\n'
            'tensor([[0.],\n'
            '        [0.],\n'
            '        [0.]], requires_grad=True)\n'
            "torch.Size([3, 1]) ['a', 'c', 'd']\n"
            'a torch.Size([2])\n'
            'c torch.Size([1])\n'
            'd torch.Size([2])\n'
            "<class 'torch.nn.modules.container.ParameterDict'>\n"
            'ParameterDict()\n'
            "AttributeError 'ParameterDict' object has no attribute 'zz'\n"
            'IndexError index 10 is out of range\n'
        ),
    ),
    # ParameterDict sorts a plain dict's keys, holds non-tensors; ParameterList slices, +=,
    # 0-d sizes; their refusals
    "parameter_containers_edges": (
        r"""
import torch
import torch.nn as nn
pd = nn.ParameterDict({"b": nn.Parameter(torch.ones(2)), "a": torch.zeros(1)})
print(list(pd.keys()))
pd2 = nn.ParameterDict([("y", torch.ones(1)), ("x", 3)])
print(pd2)
print(pd2["x"], pd2.get("q", 7))
try:
    pd2.update(5)
except Exception as e:
    print(type(e).__name__, e)
try:
    pd2.update([(1, 2, 3)])
except Exception as e:
    print(type(e).__name__, e)
try:
    pd2.update([3])
except Exception as e:
    print(type(e).__name__, e)
try:
    pd2[1] = torch.ones(1)
except Exception as e:
    print(type(e).__name__, e)
try:
    pd2()
except Exception as e:
    print(type(e).__name__, e)
pl = nn.ParameterList([torch.ones(()), "hi", 3])
print(pl)
print(pl[1], list(pl.named_parameters()))
try:
    pl.extend(torch.ones(2))
except Exception as e:
    print(type(e).__name__, e)
try:
    pl[0] = 5
except Exception as e:
    print(type(e).__name__, e)
try:
    pl()
except Exception as e:
    print(type(e).__name__, e)
pl += [torch.ones(2)]
print(len(pl), pl[-1].requires_grad)
print(pl[::2])
print(nn.ParameterList([torch.ones(3)]))
pd3 = nn.ParameterDict({"k": torch.ones(1), "m": torch.ones(2)})
print(pd3.popitem(), list(pd3.keys()))
print(pd.setdefault("c", torch.ones(1)).shape, list(pd.keys()))
c = pd.copy()
print(type(c).__name__, list(c.keys()), c["a"] is pd["a"])
pd.clear()
print(len(pd), pd)
print(c.fromkeys(["p", "q"]))
print(list(reversed(c)))
print(list(c.values())[0].shape)
""",
        (
            "['a', 'b']\n"
            'ParameterDict(\n'
            '    (y): Parameter containing: [torch.FloatTensor of size 1]\n'
            '    (x): Object of type: int\n'
            ')\n'
            '3 7\n'
            'TypeError ParametersDict.update should be called with an iterable of key/value pairs, but got int\n'  # noqa: E501
            'ValueError ParameterDict update sequence element #0 has length 3; 2 is required\n'
            'TypeError ParameterDict update sequence element #0 should be Iterable; isint\n'
            "TypeError Index given to ParameterDict cannot be used as a key as it is not a string (type is 'int'). Open an issue on github if you need non-string keys.\n"  # noqa: E501
            "TypeError ParameterDict.__call__() missing 1 required positional argument: 'input'\n"
            'ParameterList(\n'
            '    (0): Parameter containing: [torch.float32 of size ]\n'
            '    (1): Object of type: str\n'
            '    (2): Object of type: int\n'
            ')\n'
            "hi [('0', Parameter containing:\n"
            'tensor(1., requires_grad=True))]\n'
            'TypeError ParameterList.extend should be called with an iterable, but got Tensor\n'
            "TypeError cannot assign 'int' as parameter '0' (torch.nn.Parameter or None expected)\n"
            'RuntimeError ParameterList should not be called.\n'
            '4 True\n'
            'ParameterList(\n'
            '    (0): Parameter containing: [torch.float32 of size ]\n'
            '    (1): Object of type: int\n'
            ')\n'
            'ParameterList(  (0): Parameter containing: [torch.float32 of size 3])\n'
            "('m', Parameter containing:\n"
            "tensor([1., 1.], requires_grad=True)) ['k']\n"
            "torch.Size([1]) ['a', 'b', 'c']\n"
            "ParameterDict ['a', 'b', 'c'] True\n"
            '0 ParameterDict()\n'
            'ParameterDict(\n'
            '    (p): Object of type: NoneType\n'
            '    (q): Object of type: NoneType\n'
            ')\n'
            "['c', 'b', 'a']\n"
            'torch.Size([1])\n'
        ),
    ),
    # nn.RNNCell/LSTMCell/GRUCell: PyTorch's initial weights, batched and unbatched steps, hx defaults,
    # the nodes a cell step records, gradients, an LSTM loop
    "rnn_cells": (
        r"""
import torch
import torch.nn as nn

torch.manual_seed(0)
rnn, lstm, gru = nn.RNNCell(3, 2), nn.LSTMCell(3, 2), nn.GRUCell(3, 2, bias=False)
print(rnn, lstm, gru, nn.RNNCell(4, 5, nonlinearity="relu"))
print(type(lstm))
print(rnn.weight_ih)
print([(n, tuple(p.shape)) for n, p in lstm.named_parameters()])
print(list(gru.state_dict().keys()))
x = torch.randn(4, 3, requires_grad=True)
h = rnn(x)
print(h)
print(h.grad_fn.next_functions[0][0].next_functions)
hl, cl = lstm(x)
print(hl, cl)
print(cl.grad_fn.next_functions)
hg = gru(x, h)
print(hg)
print(hg.grad_fn, hg.grad_fn.next_functions)
(hg.sum() + hl.pow(2).sum() + cl.sum()).backward()
print(x.grad)
print(rnn.bias_hh.grad, gru.weight_hh.grad)
print(lstm.weight_ih.grad[:3])
v = torch.randn(3)
print(rnn(v), gru(v).grad_fn)
print(lstm(v, (torch.ones(2), torch.zeros(2))))
r2 = nn.RNNCell(3, 2, nonlinearity="relu").double()
print(r2(x.detach().double()))
seq = torch.randn(5, 1, 3)
hx, cx = torch.zeros(1, 2), torch.zeros(1, 2)
for t in range(5):
    hx, cx = lstm(seq[t], (hx, cx))
print(hx, cx.grad_fn)
print(rnn(torch.randn(0, 3)))
""",
        (
            'RNNCell(3, 2) LSTMCell(3, 2) GRUCell(3, 2, bias=False) RNNCell(4, 5, nonlinearity=relu)\n'
            "<class 'torch.nn.modules.rnn.LSTMCell'>\n"
            'Parameter containing:\n'
            'tensor([[-0.0053,  0.3793, -0.5820],\n'
            '        [-0.5204, -0.2723,  0.1896]], requires_grad=True)\n'
            "[('weight_ih', (8, 3)), ('weight_hh', (8, 2)), ('bias_ih', (8,)), ('bias_hh', (8,))]\n"
            "['weight_ih', 'weight_hh']\n"
            'tensor([[-0.0071, -0.9457],\n'
            '        [-0.7424, -0.6588],\n'
            '        [-0.4436,  0.1123],\n'
            '        [-0.7911, -0.6987]], grad_fn=<TanhBackward0>)\n'
            '((<AddmmBackward0 object at 0x…>, 0), (<AddmmBackward0 object at 0x…>, 0))\n'
            'tensor([[-0.0816, -0.1042],\n'
            '        [ 0.0286, -0.0921],\n'
            '        [-0.3793, -0.0958],\n'
            '        [ 0.1459, -0.0948]], grad_fn=<MulBackward0>) tensor([[-0.1723, -0.3573],\n'
            '        [ 0.0430, -0.1379],\n'
            '        [-0.4683, -0.1153],\n'
            '        [ 0.2236, -0.1462]], grad_fn=<AddBackward0>)\n'
            '((<MulBackward0 object at 0x…>, 0), (<MulBackward0 object at 0x…>, 0))\n'
            'tensor([[-0.3692, -0.0816],\n'
            '        [-0.1500, -0.3605],\n'
            '        [-0.6377,  0.2327],\n'
            '        [-0.0640, -0.4090]], grad_fn=<AddBackward0>)\n'
            '<AddBackward0 object at 0x…> ((<MulBackward0 object at 0x…>, 0), (<TanhBackward0 object at 0x…>, 0))\n'  # noqa: E501
            'tensor([[ 0.4322, -0.4968, -0.3515],\n'
            '        [ 0.3340, -0.5245, -0.1100],\n'
            '        [-0.2133, -0.3513, -0.1161],\n'
            '        [ 0.1132, -0.2824, -0.0078]])\n'
            'tensor([0.9429, 1.4816]) tensor([[ 0.0624,  0.0670],\n'
            '        [-0.0759, -0.1190],\n'
            '        [ 0.4317,  0.3342],\n'
            '        [ 0.3479,  0.4207],\n'
            '        [-0.3652, -0.4032],\n'
            '        [-0.1961, -0.7068]])\n'
            'tensor([[ 0.1577, -0.2526,  0.0941],\n'
            '        [-0.2046, -0.2462,  0.1541],\n'
            '        [ 0.0000,  0.0000,  0.0000]])\n'
            'tensor([-0.9155, -0.3229], grad_fn=<SqueezeBackward1>) <SqueezeBackward1 object at 0x…>\n'
            '(tensor([0.2619, 0.0272], grad_fn=<SqueezeBackward1>), tensor([0.3204, 0.0308], grad_fn=<SqueezeBackward1>))\n'  # noqa: E501
            'tensor([[0.0000, 1.3304],\n'
            '        [0.3008, 0.0000],\n'
            '        [0.2238, 0.0000],\n'
            '        [0.4529, 0.0000]], dtype=torch.float64, grad_fn=<ReluBackward0>)\n'
            'tensor([[-0.2058, -0.0911]], grad_fn=<MulBackward0>) <AddBackward0 object at 0x…>\n'
            'tensor([], size=(0, 2), grad_fn=<TanhBackward0>)\n'
        ),
    ),
    # The cells' graphs (hidden part first, UnsafeSplitBackward0 gates, GRU's (h - n)*z + n)
    # and PyTorch's errors for wrong sizes, ranks, dtypes
    "rnn_cell_graphs_and_errors": (
        r"""
import torch
import torch.nn as nn
def names(fn):
    return [type(f).__name__ if f is not None else None for f, _ in fn.next_functions]
torch.manual_seed(0)
x = torch.randn(2, 3, requires_grad=True)
for cls in (nn.RNNCell, nn.LSTMCell, nn.GRUCell):
    c = cls(3, 2)
    out = c(x)
    o = out[0] if isinstance(out, tuple) else out
    fn = o.grad_fn
    print(cls.__name__, type(fn).__name__, names(fn))
    for f, _ in fn.next_functions:
        if f is not None:
            print("  ", type(f).__name__, names(f))
            for g, _ in f.next_functions:
                if g is not None:
                    print("     ", type(g).__name__, names(g))
                    for h, _ in g.next_functions:
                        if h is not None: print("        ", type(h).__name__, names(h))
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
r, l, g = nn.RNNCell(3, 2), nn.LSTMCell(3, 2), nn.GRUCell(3, 2)
err(lambda: r(torch.randn(2, 4)))
err(lambda: r(torch.randn(2, 2, 3)))
err(lambda: r(torch.randn(2, 3), torch.randn(3, 2)))
err(lambda: r(torch.randn(2, 3), torch.randn(2, 5)))
err(lambda: r(torch.randn(2, 3), torch.randn(2, 2, 2)))
err(lambda: r(torch.randn(3), torch.randn(2, 2)))
err(lambda: r(torch.randn(2, 3), torch.randn(2)))
err(lambda: l(torch.randn(2, 4)))
err(lambda: l(torch.randn(2, 3), (torch.randn(3, 2), torch.randn(2, 2))))
err(lambda: l(torch.randn(2, 3), (torch.randn(2, 2), torch.randn(2, 5))))
err(lambda: l(torch.randn(2, 3), (torch.randn(2, 2, 1), torch.randn(2, 2))))
err(lambda: l(torch.randn(2, 3), (torch.randn(2, 2), torch.randn(2, 2, 1))))
err(lambda: l(torch.randn(4, 2, 3)))
err(lambda: g(torch.randn(2, 4)))
err(lambda: g(torch.randn(2, 3), torch.randn(3, 2)))
err(lambda: g(torch.randn(2, 3, 3)))
err(lambda: g(torch.randn(2, 3), torch.randn(2, 4)))
err(lambda: nn.RNNCell(3, 2, nonlinearity="sig")(torch.ones(3)))
err(lambda: g(torch.randn(3), torch.randn(2, 2, 2)))
err(lambda: r(torch.randn(3), torch.randn(3, 2)))
err(lambda: r(torch.randn(2, 3, dtype=torch.float64)))
err(lambda: r(torch.randn(2, 3), torch.randn(2, 2, dtype=torch.float64)))
err(lambda: nn.RNNCell(3, 0))
err(lambda: nn.RNNCell(3, -1))
print(r(torch.randn(0, 3)))
""",
        (
            "RNNCell TanhBackward0 ['AddBackward0']\n"
            "   AddBackward0 ['AddmmBackward0', 'AddmmBackward0']\n"
            "      AddmmBackward0 ['AccumulateGrad', None, 'TBackward0']\n"
            '         AccumulateGrad []\n'
            "         TBackward0 ['AccumulateGrad']\n"
            "      AddmmBackward0 ['AccumulateGrad', 'AccumulateGrad', 'TBackward0']\n"
            '         AccumulateGrad []\n'
            '         AccumulateGrad []\n'
            "         TBackward0 ['AccumulateGrad']\n"
            "LSTMCell MulBackward0 ['SigmoidBackward0', 'TanhBackward0']\n"
            "   SigmoidBackward0 ['UnsafeSplitBackward0']\n"
            "      UnsafeSplitBackward0 ['AddBackward0']\n"
            "         AddBackward0 ['AddmmBackward0', 'AddmmBackward0']\n"
            "   TanhBackward0 ['AddBackward0']\n"
            "      AddBackward0 ['MulBackward0', 'MulBackward0']\n"
            "         MulBackward0 ['SigmoidBackward0', None]\n"
            "         MulBackward0 ['SigmoidBackward0', 'TanhBackward0']\n"
            "GRUCell AddBackward0 ['MulBackward0', 'TanhBackward0']\n"
            "   MulBackward0 ['SubBackward0', 'SigmoidBackward0']\n"
            "      SubBackward0 [None, 'TanhBackward0']\n"
            "         TanhBackward0 ['AddBackward0']\n"
            "      SigmoidBackward0 ['AddBackward0']\n"
            "         AddBackward0 ['UnsafeSplitBackward0', 'UnsafeSplitBackward0']\n"
            "   TanhBackward0 ['AddBackward0']\n"
            "      AddBackward0 ['UnsafeSplitBackward0', 'MulBackward0']\n"
            "         UnsafeSplitBackward0 ['AddmmBackward0']\n"
            "         MulBackward0 ['UnsafeSplitBackward0', 'SigmoidBackward0']\n"
            'RuntimeError input has inconsistent input_size: got 4 expected 3\n'
            'ValueError RNNCell: Expected input to be 1D or 2D, got 3D instead\n'
            "RuntimeError Input batch size 2 doesn't match hidden0 batch size 3\n"
            'RuntimeError hidden0 has inconsistent hidden_size: got 5, expected 2\n'
            'ValueError RNNCell: Expected hidden to be 1D or 2D, got 3D instead\n'
            'IndexError Dimension out of range (expected to be in range of [-1, 0], but got 1)\n'
            'RuntimeError input has inconsistent input_size: got 4 expected 3\n'
            "RuntimeError Input batch size 2 doesn't match hidden0 batch size 3\n"
            'RuntimeError hidden1 has inconsistent hidden_size: got 5, expected 2\n'
            'ValueError LSTMCell: Expected hx[0] to be 1D or 2D, got 3D instead\n'
            'ValueError LSTMCell: Expected hx[1] to be 1D or 2D, got 3D instead\n'
            'ValueError LSTMCell: Expected input to be 1D or 2D, got 3D instead\n'
            'RuntimeError input has inconsistent input_size: got 4 expected 3\n'
            "RuntimeError Input batch size 2 doesn't match hidden0 batch size 3\n"
            'ValueError GRUCell: Expected input to be 1D or 2D, got 3D instead\n'
            'RuntimeError hidden0 has inconsistent hidden_size: got 4, expected 2\n'
            'RuntimeError Unknown nonlinearity: sig\n'
            'ValueError GRUCell: Expected hidden to be 1D or 2D, got 3D instead\n'
            'RuntimeError hidden0 has inconsistent hidden_size: got 3, expected 2\n'
            'RuntimeError mat1 and mat2 must have the same dtype, but got Double and Float\n'
            'RuntimeError mat1 and mat2 must have the same dtype, but got Double and Float\n'
            'RuntimeError Trying to create tensor with negative dimension -1: [-1, 3]\n'
            'tensor([], size=(0, 2), grad_fn=<TanhBackward0>)\n'
        ),
    ),
    # torch.unsafe_split/unsafe_chunk (UnsafeSplitBackward0, pieces not guarded as views);
    # split/chunk of empty dims and bad sizes
    "unsafe_split_and_chunk": (
        r"""
import torch
x = torch.arange(10.0, requires_grad=True)
a, b, c = torch.unsafe_chunk(x, 3)
print(a, b, c)
print(x.unsafe_split(4))
print(torch.unsafe_split(x, 3, dim=0)[3])
y = torch.arange(12.0).reshape(3, 4)
print(y.unsafe_chunk(2, dim=1))
print(y.unsafe_chunk(2, -1)[0].is_contiguous())
p = y.unsafe_chunk(3)[0]
p.add_(100)
print(y)
(a.sum() * 2 + c.pow(2).sum()).backward()
print(x.grad)
try:
    torch.unsafe_split(x, [2, 8])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.unsafe_chunk(x, 0)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.unsafe_chunk(torch.tensor(1.0), 1)
except Exception as e:
    print(type(e).__name__, e)
q = x * 1
q1, q2 = q.unsafe_chunk(2)
q1.mul_(2)
print(q1)
print(torch.unsafe_chunk(torch.ones(0), 2))
x = torch.arange(10.0)
for f in (torch.split, torch.unsafe_split):
    for s in (-1, 0):
        try:
            print(f(x, s))
        except Exception as e:
            print(type(e).__name__, e)
print(torch.split(torch.ones(0), 0), torch.unsafe_split(torch.ones(2, 0), 0, 1))
print(torch.chunk(torch.ones(5), 3), torch.chunk(torch.ones(6), 4))
print(torch.unsafe_chunk(torch.ones(5, 2), 3)[-1])
print(torch.chunk(torch.ones(0), 2), torch.split(torch.ones(0), 2))
""",
        (
            'tensor([0., 1., 2., 3.], grad_fn=<UnsafeSplitBackward0>) tensor([4., 5., 6., 7.], grad_fn=<UnsafeSplitBackward0>) tensor([8., 9.], grad_fn=<UnsafeSplitBackward0>)\n'  # noqa: E501
            '(tensor([0., 1., 2., 3.], grad_fn=<UnsafeSplitBackward0>), tensor([4., 5., 6., 7.], grad_fn=<UnsafeSplitBackward0>), tensor([8., 9.], grad_fn=<UnsafeSplitBackward0>))\n'  # noqa: E501
            'tensor([9.], grad_fn=<UnsafeSplitBackward0>)\n'
            '(tensor([[0., 1.],\n'
            '        [4., 5.],\n'
            '        [8., 9.]]), tensor([[ 2.,  3.],\n'
            '        [ 6.,  7.],\n'
            '        [10., 11.]]))\n'
            'False\n'
            'tensor([[100., 101., 102., 103.],\n'
            '        [  4.,   5.,   6.,   7.],\n'
            '        [  8.,   9.,  10.,  11.]])\n'
            'tensor([ 2.,  2.,  2.,  2.,  0.,  0.,  0.,  0., 16., 18.])\n'
            "TypeError unsafe_split(): argument 'split_size' (position 2) must be int, not list\n"
            'RuntimeError chunk expects `chunks` to be greater than 0, got: 0\n'
            'RuntimeError chunk expects at least a 1-dimensional tensor\n'
            'tensor([0., 2., 4., 6., 8.], grad_fn=<MulBackward0>)\n'
            '(tensor([]), tensor([]))\n'
            'RuntimeError split expects split_size be non-negative, but got split_size=-1\n'
            'RuntimeError split_size can only be 0 if dimension size is 0, but got dimension size of 10\n'
            'RuntimeError split expects split_size be non-negative, but got split_size=-1\n'
            'RuntimeError split_size can only be 0 if dimension size is 0, but got dimension size of 10\n'
            '(tensor([]),) (tensor([], size=(2, 0)),)\n'
            '(tensor([1., 1.]), tensor([1., 1.]), tensor([1.])) (tensor([1., 1.]), tensor([1., 1.]), tensor([1., 1.]))\n'  # noqa: E501
            'tensor([[1., 1.]])\n'
            '(tensor([]), tensor([])) (tensor([]),)\n'
        ),
    ),
    # Tensor.size(dim) range errors; F.linear/addmm refusing mixed dtypes; in-place writes into empty tensors
    "size_linear_empty_writes": (
        r"""
import torch
import torch.nn.functional as F
x = torch.ones(3, 2)
print(x.size(0), x.size(-1), x.size(1), torch.ones(0).size(0))
cases = ((torch.ones(3), 1), (torch.ones(3), -2), (x, 2))
cases += ((torch.tensor(1.0), 0), (torch.tensor(1.0), -1), (torch.tensor(1.0), 1))
for t, d in cases:
    try:
        print(t.size(d))
    except Exception as e:
        print(type(e).__name__, e)
w, b = torch.ones(2, 3), torch.ones(2)
d = torch.ones(2, 3, dtype=torch.float64)
for args in ((d, w, b), (d[0], w, b), (d, w), (torch.ones(4, 2, 3, dtype=torch.float64), w, b)):
    try:
        print(F.linear(*args))
    except Exception as e:
        print(type(e).__name__, e)
try:
    print(torch.addmm(b, d, w.t()))
except Exception as e:
    print(type(e).__name__, e)
e = torch.ones(0, 3)
print(e.uniform_(), e.add_(1), e.zero_(), e.fill_(2.0))
print(torch.nn.init.uniform_(torch.empty(3, 0)), torch.nn.RNNCell(3, 0))
y = torch.ones(1, 0).expand(4, 0)
print(y.mul_(3))
""",
        (
            '3 2 2 0\n'
            'IndexError Dimension out of range (expected to be in range of [-1, 0], but got 1)\n'
            'IndexError Dimension out of range (expected to be in range of [-1, 0], but got -2)\n'
            'IndexError Dimension out of range (expected to be in range of [-2, 1], but got 2)\n'
            'IndexError Dimension specified as 0 but tensor has no dimensions\n'
            'IndexError Dimension specified as -1 but tensor has no dimensions\n'
            'IndexError Dimension specified as 1 but tensor has no dimensions\n'
            'RuntimeError mat1 and mat2 must have the same dtype, but got Double and Float\n'
            'RuntimeError mat1 and mat2 must have the same dtype, but got Double and Float\n'
            'RuntimeError expected m1 and m2 to have the same dtype, but got: double != float\n'
            'RuntimeError mat1 and mat2 must have the same dtype, but got Double and Float\n'
            'RuntimeError mat1 and mat2 must have the same dtype, but got Double and Float\n'
            'tensor([], size=(0, 3)) tensor([], size=(0, 3)) tensor([], size=(0, 3)) tensor([], size=(0, 3))\n'  # noqa: E501
            'tensor([], size=(3, 0)) RNNCell(3, 0)\n'
            'tensor([], size=(4, 0))\n'
        ),
    ),
    # nn.ZeroPad1d/2d and nn.ConstantPad1d/2d: reprs, widths from a number or a sequence,
    # values and gradients (ConstantPadNdBackward0), 1-D and int inputs, a rank refused
    "padding_layers_constant": (
        r"""
import torch
import torch.nn as nn
x1 = torch.arange(6.0).reshape(1, 2, 3)
x2 = torch.arange(9.0).reshape(1, 1, 3, 3)
layers = [nn.ZeroPad1d(2), nn.ZeroPad1d((1, 0)), nn.ZeroPad2d(1), nn.ZeroPad2d((1, 1, 2, 0))]
layers += [nn.ConstantPad1d(2, 3.5), nn.ConstantPad1d((0, 1), -1), nn.ConstantPad2d((1, 0, 0, 1), 7)]
layers += [nn.ConstantPad2d(2, 0.5), nn.ZeroPad1d([1, 2])]
for layer in layers:
    print(layer, layer.padding, type(layer))
for layer in layers[1:7:2]:
    x = x1 if "1d" in type(layer).__name__ else x2
    x = x.clone().requires_grad_()
    out = layer(x)
    print(out, tuple(out.shape))
    (out * torch.arange(out.numel()).reshape(out.shape)).sum().backward()
    print(x.grad)
print(nn.ZeroPad1d(1)(torch.ones(3)), nn.ZeroPad2d(1)(torch.ones(1, 2)))
print(nn.ConstantPad1d(1, 2)(torch.tensor([1, 2])), nn.ZeroPad2d((-1, 0, 0, 0))(x2).shape)
print(nn.ZeroPad2d(1).padding, nn.ConstantPad1d(1, 2).value, nn.ZeroPad1d(1).value)
try:
    nn.ZeroPad2d(1)(torch.ones(3))
except Exception as e:
    print(type(e).__name__, e)
print(nn.ZeroPad1d((1, 2, 3)))
""",
        (
            "ZeroPad1d((2, 2)) (2, 2) <class 'torch.nn.modules.padding.ZeroPad1d'>\n"
            "ZeroPad1d((1, 0)) (1, 0) <class 'torch.nn.modules.padding.ZeroPad1d'>\n"
            "ZeroPad2d((1, 1, 1, 1)) (1, 1, 1, 1) <class 'torch.nn.modules.padding.ZeroPad2d'>\n"
            "ZeroPad2d((1, 1, 2, 0)) (1, 1, 2, 0) <class 'torch.nn.modules.padding.ZeroPad2d'>\n"
            "ConstantPad1d(padding=(2, 2), value=3.5) (2, 2) <class 'torch.nn.modules.padding.ConstantPad1d'>\n"  # noqa: E501
            "ConstantPad1d(padding=(0, 1), value=-1) (0, 1) <class 'torch.nn.modules.padding.ConstantPad1d'>\n"  # noqa: E501
            "ConstantPad2d(padding=(1, 0, 0, 1), value=7) (1, 0, 0, 1) <class 'torch.nn.modules.padding.ConstantPad2d'>\n"  # noqa: E501
            "ConstantPad2d(padding=(2, 2, 2, 2), value=0.5) (2, 2, 2, 2) <class 'torch.nn.modules.padding.ConstantPad2d'>\n"  # noqa: E501
            "ZeroPad1d((1, 2)) (1, 2) <class 'torch.nn.modules.padding.ZeroPad1d'>\n"
            'tensor([[[0., 0., 1., 2.],\n'
            '         [0., 3., 4., 5.]]], grad_fn=<ConstantPadNdBackward0>) (1, 2, 4)\n'
            'tensor([[[1., 2., 3.],\n'
            '         [5., 6., 7.]]])\n'
            'tensor([[[[0., 0., 0., 0., 0.],\n'
            '          [0., 0., 0., 0., 0.],\n'
            '          [0., 0., 1., 2., 0.],\n'
            '          [0., 3., 4., 5., 0.],\n'
            '          [0., 6., 7., 8., 0.]]]], grad_fn=<ConstantPadNdBackward0>) (1, 1, 5, 5)\n'
            'tensor([[[[11., 12., 13.],\n'
            '          [16., 17., 18.],\n'
            '          [21., 22., 23.]]]])\n'
            'tensor([[[ 0.,  1.,  2., -1.],\n'
            '         [ 3.,  4.,  5., -1.]]], grad_fn=<ConstantPadNdBackward0>) (1, 2, 4)\n'
            'tensor([[[0., 1., 2.],\n'
            '         [4., 5., 6.]]])\n'
            'tensor([0., 1., 1., 1., 0.]) tensor([[0., 0., 0., 0.],\n'
            '        [0., 1., 1., 0.],\n'
            '        [0., 0., 0., 0.]])\n'
            'tensor([2, 1, 2, 2]) torch.Size([1, 1, 3, 2])\n'
            '(1, 1, 1, 1) 2 0.0\n'
            'RuntimeError Padding length should be less than or equal to two times the input dimension but got padding length 4 and input of dimension 1\n'  # noqa: E501
            'ZeroPad1d((1, 2, 3))\n'
        ),
    ),
    # nn.ReflectionPad1d/2d, ReplicationPad1d/2d, CircularPad1d/2d: values, nodes, gradients;
    # unbatched inputs; F.pad's and the circular layers' own refusals of wrong ranks and widths
    "padding_layers_copying": (
        r"""
import torch
import torch.nn as nn
def err(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
x1 = torch.arange(6.0).reshape(1, 2, 3)
x2 = torch.arange(9.0).reshape(1, 1, 3, 3)
layers = [nn.ReflectionPad1d(2), nn.ReflectionPad2d((1, 0, 2, 1)), nn.ReplicationPad1d(1)]
layers += [nn.ReplicationPad2d((0, 1, 1, 0)), nn.CircularPad1d(1), nn.CircularPad2d((1, 0, 0, 2))]
for layer in layers:
    x = x1 if "1d" in type(layer).__name__ else x2
    x = x.clone().requires_grad_()
    out = layer(x)
    print(layer, type(layer), tuple(out.shape))
    print(out)
    (out * torch.arange(out.numel()).reshape(out.shape)).sum().backward()
    print(x.grad)
print(nn.ReplicationPad1d(1)(torch.ones(2, 3)))
print(nn.ReflectionPad2d(1)(torch.arange(9.0).reshape(1, 3, 3)))
err(lambda: nn.ReflectionPad1d(1)(torch.ones(3)))
err(lambda: nn.ReflectionPad1d(3)(torch.ones(1, 3)))
err(lambda: nn.ReplicationPad2d(1)(torch.ones(2, 1, 1, 3, 3)))
err(lambda: nn.CircularPad1d(1)(torch.ones(3)))
err(lambda: nn.CircularPad2d(1)(torch.ones(3, 3)))
err(lambda: nn.CircularPad2d(1)(torch.ones(1, 1, 1, 3, 3)))
err(lambda: nn.CircularPad1d(4)(torch.ones(1, 3)))
print(nn.ReflectionPad2d((1, 2)))
""",
        (
            "ReflectionPad1d((2, 2)) <class 'torch.nn.modules.padding.ReflectionPad1d'> (1, 2, 7)\n"
            'tensor([[[2., 1., 0., 1., 2., 1., 0.],\n'
            '         [5., 4., 3., 4., 5., 4., 3.]]], grad_fn=<ReflectionPad1DBackward0>)\n'
            'tensor([[[ 8.,  9.,  4.],\n'
            '         [22., 30., 18.]]])\n'
            "ReflectionPad2d((1, 0, 2, 1)) <class 'torch.nn.modules.padding.ReflectionPad2d'> (1, 1, 6, 4)\n"
            'tensor([[[[7., 6., 7., 8.],\n'
            '          [4., 3., 4., 5.],\n'
            '          [1., 0., 1., 2.],\n'
            '          [4., 3., 4., 5.],\n'
            '          [7., 6., 7., 8.],\n'
            '          [4., 3., 4., 5.]]]], grad_fn=<ReflectionPad2DBackward0>)\n'
            'tensor([[[[ 9., 18., 11.],\n'
            '          [39., 78., 45.],\n'
            '          [18., 36., 22.]]]])\n'
            "ReplicationPad1d((1, 1)) <class 'torch.nn.modules.padding.ReplicationPad1d'> (1, 2, 5)\n"
            'tensor([[[0., 0., 1., 2., 2.],\n'
            '         [3., 3., 4., 5., 5.]]], grad_fn=<ReplicationPad1DBackward0>)\n'
            'tensor([[[ 1.,  2.,  7.],\n'
            '         [11.,  7., 17.]]])\n'
            "ReplicationPad2d((0, 1, 1, 0)) <class 'torch.nn.modules.padding.ReplicationPad2d'> (1, 1, 4, 4)\n"  # noqa: E501
            'tensor([[[[0., 1., 2., 2.],\n'
            '          [0., 1., 2., 2.],\n'
            '          [3., 4., 5., 5.],\n'
            '          [6., 7., 8., 8.]]]], grad_fn=<ReplicationPad2DBackward0>)\n'
            'tensor([[[[ 4.,  6., 18.],\n'
            '          [ 8.,  9., 21.],\n'
            '          [12., 13., 29.]]]])\n'
            "CircularPad1d((1, 1)) <class 'torch.nn.modules.padding.CircularPad1d'> (1, 2, 5)\n"
            'tensor([[[2., 0., 1., 2., 0.],\n'
            '         [5., 3., 4., 5., 3.]]], grad_fn=<CopySlices>)\n'
            'tensor([[[ 5.,  2.,  3.],\n'
            '         [15.,  7., 13.]]])\n'
            "CircularPad2d((1, 0, 0, 2)) <class 'torch.nn.modules.padding.CircularPad2d'> (1, 1, 5, 4)\n"
            'tensor([[[[2., 0., 1., 2.],\n'
            '          [5., 3., 4., 5.],\n'
            '          [8., 6., 7., 8.],\n'
            '          [2., 0., 1., 2.],\n'
            '          [5., 3., 4., 5.]]]], grad_fn=<CopySlices>)\n'
            'tensor([[[[14., 16., 30.],\n'
            '          [22., 24., 46.],\n'
            '          [ 9., 10., 19.]]]])\n'
            'tensor([[1., 1., 1., 1., 1.],\n'
            '        [1., 1., 1., 1., 1.]])\n'
            'tensor([[[4., 3., 4., 5., 4.],\n'
            '         [1., 0., 1., 2., 1.],\n'
            '         [4., 3., 4., 5., 4.],\n'
            '         [7., 6., 7., 8., 7.],\n'
            '         [4., 3., 4., 5., 4.]]])\n'
            'NotImplementedError Padding size 2 is not supported for 1D input tensor.\n'
            'Supported combinations for non-constant padding:\n'
            '  - 2D or 3D input: padding size = 2 (pads last dimension)\n'
            '  - 3D or 4D input: padding size = 4 (pads last 2 dimensions)\n'
            '  - 4D or 5D input: padding size = 6 (pads last 3 dimensions)\n'
            'RuntimeError Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (3, 3) at dimension 1 of input [1, 3]\n'  # noqa: E501
            'NotImplementedError Padding size 4 is not supported for 5D input tensor.\n'
            'Supported combinations for non-constant padding:\n'
            '  - 2D or 3D input: padding size = 2 (pads last dimension)\n'
            '  - 3D or 4D input: padding size = 4 (pads last 2 dimensions)\n'
            '  - 4D or 5D input: padding size = 6 (pads last 3 dimensions)\n'
            'ValueError expected 2D or 3D input (got 1D input)\n'
            'ValueError expected 3D or 4D input (got 2D input)\n'
            'ValueError expected 3D or 4D input (got 5D input)\n'
            'RuntimeError Padding value causes wrapping around more than once.\n'
            'ReflectionPad2d((1, 2))\n'
        ),
    ),
    # nn.Threshold (values, int/float64, inplace=True records ThresholdBackward1) and
    # nn.Softmax2d over the channels, its rank check
    "threshold_softmax2d": (
        r"""
import torch
import torch.nn as nn
t = nn.Threshold(0.5, -1.0)
print(t, nn.Threshold(1, 2, inplace=True), type(t))
x = torch.tensor([[-1.0, 0.5, 0.7], [2.0, 0.0, 0.51]], requires_grad=True)
y = t(x)
print(y)
y.sum().backward()
print(x.grad)
print(nn.Threshold(1, 0)(torch.tensor([0, 1, 2, 3])))
print(nn.Threshold(0.1, 20)(torch.tensor([0.0, 1.0], dtype=torch.float64)))
z = x.detach().clone().requires_grad_()
w = z * 1
out = nn.Threshold(0.6, 0.0, inplace=True)(w)
print(out, w is out, out.grad_fn)
s = nn.Softmax2d()
print(s, type(s))
torch.manual_seed(0)
img = torch.randn(2, 3, 2, 2, requires_grad=True)
p = s(img)
print(p[0], (p.sum(1) - 1).abs().max() < 1e-6)
print(p.grad_fn)
(p[:, 0] * torch.arange(4.0).reshape(2, 2)).sum().backward()
print(img.grad[0])
print(s(torch.randn(3, 1, 2)))
print(s(torch.randn(2, 3, 1, 1, dtype=torch.float64)).squeeze())
for shape in ((3,), (2, 3), (1, 2, 3, 4, 5)):
    try:
        s(torch.ones(shape))
    except Exception as e:
        print(type(e).__name__, e)
try:
    nn.Threshold(0, 1)(torch.tensor([True, False]))
except Exception as e:
    print(type(e).__name__, e)
""",
        (
            "Threshold(threshold=0.5, value=-1.0) Threshold(threshold=1, value=2, inplace=True) <class 'torch.nn.modules.activation.Threshold'>\n"  # noqa: E501
            'tensor([[-1.0000, -1.0000,  0.7000],\n'
            '        [ 2.0000, -1.0000,  0.5100]], grad_fn=<ThresholdBackward0>)\n'
            'tensor([[0., 0., 1.],\n'
            '        [1., 0., 1.]])\n'
            'tensor([0, 0, 2, 3])\n'
            'tensor([20.,  1.], dtype=torch.float64)\n'
            'tensor([[0.0000, 0.0000, 0.7000],\n'
            '        [2.0000, 0.0000, 0.0000]], grad_fn=<ThresholdBackward1>) True <ThresholdBackward1 object at 0x…>\n'  # noqa: E501
            "Softmax2d() <class 'torch.nn.modules.activation.Softmax2d'>\n"
            'tensor([[[0.0762, 0.0997],\n'
            '         [0.1355, 0.3125]],\n'
            '\n'
            '        [[0.5488, 0.6307],\n'
            '         [0.1269, 0.0582]],\n'
            '\n'
            '        [[0.3751, 0.2696],\n'
            '         [0.7376, 0.6293]]], grad_fn=<SelectBackward0>) tensor(True)\n'
            '<SoftmaxBackward0 object at 0x…>\n'
            'tensor([[[ 0.0000,  0.0898],\n'
            '         [ 0.2343,  0.6446]],\n'
            '\n'
            '        [[ 0.0000, -0.0629],\n'
            '         [-0.0344, -0.0545]],\n'
            '\n'
            '        [[ 0.0000, -0.0269],\n'
            '         [-0.1999, -0.5900]]])\n'
            'tensor([[[0.2775, 0.4291]],\n'
            '\n'
            '        [[0.4904, 0.2170]],\n'
            '\n'
            '        [[0.2321, 0.3539]]])\n'
            'tensor([[0.1611, 0.2655, 0.5734],\n'
            '        [0.2001, 0.6894, 0.1105]], dtype=torch.float64)\n'
            'ValueError Softmax2d: expected input to be 3D or 4D, got 1D instead\n'
            'ValueError Softmax2d: expected input to be 3D or 4D, got 2D instead\n'
            'ValueError Softmax2d: expected input to be 3D or 4D, got 5D instead\n'
            'NotImplementedError "threshold_cpu" not implemented for \'Bool\'\n'
        ),
    ),
    # A ParameterList in a model: optimizer steps, state_dict keys, .double(), eval();
    # ParameterDict.update from another; cells without bias; an int input refused
    "parameter_containers_in_models": (
        r"""
import torch
import torch.nn as nn
pl = nn.ParameterList([torch.ones(2), torch.zeros(1)])
pd = nn.ParameterDict({"w": torch.ones(2)})
m = nn.ModuleDict({"fc": nn.Linear(2, 1)})
m.extra = nn.ParameterList([nn.Parameter(torch.ones(3))])
opt = torch.optim.SGD(m.parameters(), lr=0.1)
loss = m["fc"](torch.ones(1, 2)).sum() + m.extra[0].sum()
loss.backward()
opt.step()
print(m.extra[0], sum(p.numel() for p in m.parameters()))
print(m.state_dict().keys())
pl.double()
print(pl[0].dtype, pl)
pl.zero_grad()
print(pl.training, pl.eval().training)
cell = nn.GRUCell(2, 3)
plain = nn.LSTMCell(2, 3, bias=False)
print(nn.GRUCell(2, 3).bias_ih.shape, plain.bias_ih, [n for n, _ in plain.named_parameters()])
try:
    nn.RNNCell(2, 2)(torch.ones(2, 2, dtype=torch.int64))
except Exception as e:
    print(type(e).__name__, e)
pd2 = nn.ParameterDict({"a": torch.ones(1)})
pd2.update(nn.ParameterDict({"b": torch.zeros(1)}))
print(pd2, "a" in pd2)
""",
        (
            'Parameter containing:\n'
            'tensor([0.9000, 0.9000, 0.9000], requires_grad=True) 6\n'
            "odict_keys(['fc.weight', 'fc.bias', 'extra.0'])\n"
            'torch.float64 ParameterList(\n'
            '    (0): Parameter containing: [torch.float64 of size 2]\n'
            '    (1): Parameter containing: [torch.float64 of size 1]\n'
            ')\n'
            'True False\n'
            "torch.Size([9]) None ['weight_ih', 'weight_hh']\n"
            'RuntimeError mat1 and mat2 must have the same dtype, but got Long and Float\n'
            'ParameterDict(\n'
            '    (a): Parameter containing: [torch.FloatTensor of size 1]\n'
            '    (b): Parameter containing: [torch.FloatTensor of size 1]\n'
            ') True\n'
        ),
    ),
    # F.margin_ranking_loss, hinge_embedding_loss, soft_margin_loss and their modules:
    # every reduction, grads, nodes, errors
    "margin_ranking_hinge_soft_margin_losses": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
a = torch.tensor([0.5, -1.0, 2.0, 0.3], requires_grad=True)
b = torch.tensor([0.2, 0.4, 2.5, 0.3], requires_grad=True)
y = torch.tensor([1.0, -1.0, 1.0, -1.0])
for red in ["mean", "sum", "none"]:
    loss = F.margin_ranking_loss(a, b, y, margin=0.25, reduction=red)
    print(red, loss)
    loss.sum().backward()
    print(a.grad, b.grad)
    a.grad = b.grad = None
loss = nn.MarginRankingLoss(margin=0.1)(a, b, y)
print(loss, loss.grad_fn, loss.grad_fn.next_functions[0][0].next_functions)
print(F.margin_ranking_loss(a.double(), b, y.long()), F.margin_ranking_loss(a[0], b[0], y[0]))
try:
    F.margin_ranking_loss(a, b[None], y)
except Exception as e:
    print(type(e).__name__, e)
x = torch.tensor([[0.5, -1.0], [2.0, 0.3]], requires_grad=True)
t = torch.tensor([[1.0, -1.0], [-1.0, 1.0]])
for red in ["mean", "sum", "none"]:
    loss = F.hinge_embedding_loss(x, t, margin=1.5, reduction=red)
    print(red, loss)
    loss.sum().backward()
    print(x.grad)
    x.grad = None
h = nn.HingeEmbeddingLoss()(x, t)
print(h.grad_fn.next_functions, h.grad_fn.next_functions[0][0].next_functions)
print(F.hinge_embedding_loss(x, torch.tensor([[0.0, 1.0], [-1.0, 2.0]])))
print(F.hinge_embedding_loss(torch.tensor([1, -3, 2]), torch.tensor([1, -1, -1]), reduction='none'))
print(nn.HingeEmbeddingLoss(margin=2.0, reduction='sum')(x, t[0]))
for red in ["mean", "sum", "none"]:
    loss = F.soft_margin_loss(x, t, reduction=red)
    print(red, loss)
    loss.sum().backward()
    print(x.grad)
    x.grad = None
print(nn.SoftMarginLoss()(x, t[1]), F.soft_margin_loss(x.double(), t), F.soft_margin_loss(x, t.long()))
print(F.soft_margin_loss(torch.zeros(0), torch.zeros(0)))
for args in [(x[0], t), (x.long(), t), (x, torch.ones(3))]:
    try:
        F.soft_margin_loss(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    nn.SoftMarginLoss(reduction="avg")(x, t)
except Exception as e:
    print(type(e).__name__, e)
""",
        (
            'mean tensor(0.2500, grad_fn=<MeanBackward0>)\n'
            'tensor([-0.0000,  0.0000, -0.2500,  0.2500]) tensor([ 0.0000, -0.0000,  0.2500, -0.2500])\n'
            'sum tensor(1., grad_fn=<SumBackward0>)\n'
            'tensor([-0.,  0., -1.,  1.]) tensor([ 0., -0.,  1., -1.])\n'
            'none tensor([0.0000, 0.0000, 0.7500, 0.2500], grad_fn=<ClampMinBackward0>)\n'
            'tensor([-0.,  0., -1.,  1.]) tensor([ 0., -0.,  1., -1.])\n'
            'tensor(0.1750, grad_fn=<MeanBackward0>) <MeanBackward0 object at 0x…> ((<AddBackward1 object at 0x…>, 0),)\n'  # noqa: E501
            'tensor(0.1250, dtype=torch.float64, grad_fn=<MeanBackward0>) tensor(0., grad_fn=<MeanBackward0>)\n'  # noqa: E501
            'RuntimeError margin_ranking_loss : All input tensors should have same dimension but got sizes: input1: torch.Size([4]), input2: torch.Size([1, 4]), target: torch.Size([4]) \n'  # noqa: E501
            'mean tensor(0.8250, grad_fn=<MeanBackward0>)\n'
            'tensor([[ 0.2500, -0.2500],\n'
            '        [ 0.0000,  0.2500]])\n'
            'sum tensor(3.3000, grad_fn=<SumBackward0>)\n'
            'tensor([[ 1., -1.],\n'
            '        [ 0.,  1.]])\n'
            'none tensor([[0.5000, 2.5000],\n'
            '        [0.0000, 0.3000]], grad_fn=<AddBackward0>)\n'
            'tensor([[ 1., -1.],\n'
            '        [ 0.,  1.]])\n'
            '((<AddBackward0 object at 0x…>, 0),) ((<WhereBackward0 object at 0x…>, 0), (<WhereBackward0 object at 0x…>, 0))\n'  # noqa: E501
            'tensor(0.2500, grad_fn=<MeanBackward0>)\n'
            'tensor([1, 4, 0])\n'
            'tensor(7.2000, grad_fn=<SumBackward0>)\n'
            'mean tensor(0.8672, grad_fn=<SoftMarginLossBackward0>)\n'
            'tensor([[-0.0944,  0.0672],\n'
            '        [ 0.2202, -0.1064]])\n'
            'sum tensor(3.4686, grad_fn=<SoftMarginLossBackward0>)\n'
            'tensor([[-0.3775,  0.2689],\n'
            '        [ 0.8808, -0.4256]])\n'
            'none tensor([[0.4741, 0.3133],\n'
            '        [2.1269, 0.5544]], grad_fn=<SoftMarginLossBackward0>)\n'
            'tensor([[-0.3775,  0.2689],\n'
            '        [ 0.8808, -0.4256]])\n'
            'tensor(1.2422, grad_fn=<SoftMarginLossBackward0>) tensor(0.8672, dtype=torch.float64, grad_fn=<SoftMarginLossBackward0>) tensor(0.8672, grad_fn=<SoftMarginLossBackward0>)\n'  # noqa: E501
            'tensor(nan)\n'
            "RuntimeError output with shape [2] doesn't match the broadcast shape [2, 2]\n"
            "RuntimeError result type Float can't be cast to the desired output type Long\n"
            'RuntimeError The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1\n'  # noqa: E501
            'ValueError avg is not a valid value for reduction\n'
        ),
    ),
    # F.cosine_embedding_loss / nn.CosineEmbeddingLoss: rows and a 0-d target, margin, grads,
    # PyTorch's nodes (SubBackward1), errors
    "cosine_embedding_loss": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
u = torch.tensor([[1.0, 2.0, -1.0], [0.5, 0.0, 3.0], [0.0, 0.0, 0.0]], requires_grad=True)
v = torch.tensor([[2.0, 1.0, 0.0], [-1.0, 1.0, 2.0], [1.0, 1.0, 1.0]], requires_grad=True)
y = torch.tensor([1, -1, -1])
for red in ["mean", "sum", "none"]:
    loss = F.cosine_embedding_loss(u, v, y, margin=0.2, reduction=red)
    print(red, loss)
    loss.sum().backward()
    print(u.grad)
    print(v.grad)
    u.grad = v.grad = None
loss = nn.CosineEmbeddingLoss()(u, v, torch.tensor([1.0, 1.0, -1.0]))
print(loss, nn.CosineEmbeddingLoss(margin=0.5))
top = loss.grad_fn.next_functions[0][0]
print(top, [n for n, _ in top.next_functions])
print([n for n, _ in top.next_functions[1][0].next_functions[0][0].next_functions])
print(F.cosine_embedding_loss(u[0], v[1], torch.tensor(-1)))
print(F.cosine_embedding_loss(u.double(), v.double(), y, reduction="none"))
for args in [(u, v, y[None]), (u, v, y[0]), (u[0], v, y), (u, v[0], y), (u[0], v, y[0])]:
    try:
        F.cosine_embedding_loss(*args)
    except Exception as e:
        print(type(e).__name__, e)
""",
        (
            'mean tensor(0.2693, grad_fn=<MeanBackward0>)\n'
            'tensor([[-0.0811,  0.0203, -0.0406],\n'
            '        [-0.0580,  0.0447,  0.0097],\n'
            '        [ 0.0000,  0.0000,  0.0000]])\n'
            'tensor([[ 0.0365, -0.0730,  0.0609],\n'
            '        [ 0.0634, -0.0410,  0.0522],\n'
            '        [ 0.0000,  0.0000,  0.0000]])\n'
            'sum tensor(0.8080, grad_fn=<SumBackward0>)\n'
            'tensor([[-0.2434,  0.0609, -0.1217],\n'
            '        [-0.1741,  0.1342,  0.0290],\n'
            '        [ 0.0000,  0.0000,  0.0000]])\n'
            'tensor([[ 0.1095, -0.2191,  0.1826],\n'
            '        [ 0.1902, -0.1230,  0.1566],\n'
            '        [ 0.0000,  0.0000,  0.0000]])\n'
            'none tensor([0.2697, 0.5383, 0.0000], grad_fn=<AddBackward0>)\n'
            'tensor([[-0.2434,  0.0609, -0.1217],\n'
            '        [-0.1741,  0.1342,  0.0290],\n'
            '        [ 0.0000,  0.0000,  0.0000]])\n'
            'tensor([[ 0.1095, -0.2191,  0.1826],\n'
            '        [ 0.1902, -0.1230,  0.1566],\n'
            '        [ 0.0000,  0.0000,  0.0000]])\n'
            'tensor(0.1771, grad_fn=<MeanBackward0>) CosineEmbeddingLoss()\n'
            '<AddBackward0 object at 0x…> [<WhereBackward0 object at 0x…>, <WhereBackward0 object at 0x…>]\n'
            '[<SubBackward1 object at 0x…>]\n'
            'tensor(0., grad_fn=<MeanBackward0>)\n'
            'tensor([0.2697, 0.7383, 0.0000], dtype=torch.float64, grad_fn=<AddBackward0>)\n'
            'RuntimeError 0D or 1D target tensor expected, multi-target not supported\n'
            'RuntimeError 0D target tensor expects 1D input tensors, but found inputs with sizes [3, 3] and [3, 3].\n'  # noqa: E501
            'RuntimeError 1D target tensor expects 2D input tensors, but found inputs with sizes [3] and [3, 3].\n'  # noqa: E501
            'RuntimeError 1D target tensor expects 2D input tensors, but found inputs with sizes [3, 3] and [3].\n'  # noqa: E501
            'RuntimeError 0D target tensor expects 1D input tensors, but found inputs with sizes [3] and [3, 3].\n'  # noqa: E501
        ),
    ),
    # F.multilabel_margin_loss and F.multi_margin_loss (p, margin, weight): reductions, grads, shapes,
    # PyTorch's errors
    "multilabel_and_multi_margin_losses": (
        r"""
import torch
import torch.nn.functional as F
x = torch.tensor([[0.1, 0.2, 0.4, 0.8], [0.5, -0.3, 0.9, 0.0]], requires_grad=True)
t = torch.tensor([[3, 0, -1, 1], [1, 2, -1, 0]])
for red in ["mean", "sum", "none"]:
    loss = F.multilabel_margin_loss(x, t, reduction=red)
    print(red, loss)
    loss.sum().backward()
    print(x.grad)
    x.grad = None
print(F.multilabel_margin_loss(x[0], t[0]), F.multilabel_margin_loss(x.double(), t))
print(F.multilabel_margin_loss(torch.tensor(0.5), torch.tensor(0)))
bad = [(x, t.float()), (x, t[:, :3]), (x, t[0]), (torch.zeros(2, 0), t), (x, t + 3), (x, t - 1)]
bad += [(torch.zeros(2, 2, 2), t), (x.int(), t), (x, t.int())]
for args in bad:
    try:
        F.multilabel_margin_loss(*args)
    except Exception as e:
        print(type(e).__name__, e)
y = torch.tensor([[0.1, 0.2, 0.4, 0.8], [0.5, -0.3, 0.9, 0.0], [1., 2., 3., -4.]], requires_grad=True)
c = torch.tensor([3, 0, 2])
w = torch.tensor([1., 2., 0.5, 3.])
for p in [1, 2]:
    for red in ["mean", "sum", "none"]:
        loss = F.multi_margin_loss(y, c, p=p, margin=0.7, weight=w, reduction=red)
        print(p, red, loss)
        loss.sum().backward()
        print(y.grad)
        y.grad = None
print(F.multi_margin_loss(y, c), F.multi_margin_loss(y[0], c[0]), F.multi_margin_loss(y[0], c[:1]))
print(F.multi_margin_loss(torch.tensor(0.3), torch.tensor(0)), F.multi_margin_loss(y.double(), c))
bad = [dict(target=c.float()), dict(target=c[:2]), dict(target=c + 2), dict(target=c - 4), dict(p=3)]
bad += [dict(weight=w[:3]), dict(weight=w[None]), dict(input=torch.zeros(3, 0)), dict(input=y.int())]
bad += [dict(target=c.int()), dict(reduction='x'), dict(weight=w.double())]
for kw in bad:
    args = dict(input=y, target=c)
    args.update(kw)
    try:
        F.multi_margin_loss(**args)
    except Exception as e:
        print(type(e).__name__, e)
loss = F.multi_margin_loss(y, c)
loss.backward()
try:
    loss.backward()
except Exception as e:
    print(type(e).__name__, str(e)[:60])
""",
        (
            'mean tensor(0.9000, grad_fn=<MultilabelMarginLossBackward0>)\n'
            'tensor([[-0.2500,  0.2500,  0.2500, -0.2500],\n'
            '        [ 0.2500, -0.2500, -0.2500,  0.2500]])\n'
            'sum tensor(1.8000, grad_fn=<MultilabelMarginLossBackward0>)\n'
            'tensor([[-0.5000,  0.5000,  0.5000, -0.5000],\n'
            '        [ 0.5000, -0.5000, -0.5000,  0.5000]])\n'
            'none tensor([0.8500, 0.9500], grad_fn=<MultilabelMarginLossBackward0>)\n'
            'tensor([[-0.5000,  0.5000,  0.5000, -0.5000],\n'
            '        [ 0.5000, -0.5000, -0.5000,  0.5000]])\n'
            'tensor(0.8500, grad_fn=<MultilabelMarginLossBackward0>) tensor(0.9000, dtype=torch.float64, grad_fn=<MultilabelMarginLossBackward0>)\n'  # noqa: E501
            'tensor(0.)\n'
            'RuntimeError expected scalar type Long but found Float\n'
            'RuntimeError inconsistent target size: [2, 3] for input of size: [2, 4]\n'
            'RuntimeError inconsistent target size: [4] for input of size: [2, 4]\n'
            'RuntimeError Expected non-empty vector or matrix with optional 0-dim batch size, but got: [2, 0]\n'  # noqa: E501
            "RuntimeError argument #2 'target' is out of range\n"
            "RuntimeError argument #2 'target' is out of range\n"
            'RuntimeError Expected non-empty vector or matrix with optional 0-dim batch size, but got: [2, 2, 2]\n'  # noqa: E501
            'NotImplementedError "multilabel_margin_loss_forward_out_frame" not implemented for \'Int\'\n'
            'RuntimeError expected scalar type Long but found Int\n'
            '1 mean tensor(0.2083, grad_fn=<MultiMarginLossBackward0>)\n'
            'tensor([[ 0.0000,  0.2500,  0.2500, -0.5000],\n'
            '        [-0.1667,  0.0000,  0.0833,  0.0833],\n'
            '        [ 0.0000,  0.0000,  0.0000,  0.0000]])\n'
            '1 sum tensor(0.6250, grad_fn=<MultiMarginLossBackward0>)\n'
            'tensor([[ 0.0000,  0.7500,  0.7500, -1.5000],\n'
            '        [-0.5000,  0.0000,  0.2500,  0.2500],\n'
            '        [ 0.0000,  0.0000,  0.0000,  0.0000]])\n'
            '1 none tensor([0.3000, 0.3250, 0.0000], grad_fn=<MultiMarginLossBackward0>)\n'
            'tensor([[ 0.0000,  0.7500,  0.7500, -1.5000],\n'
            '        [-0.5000,  0.0000,  0.2500,  0.2500],\n'
            '        [ 0.0000,  0.0000,  0.0000,  0.0000]])\n'
            '2 mean tensor(0.1292, grad_fn=<MultiMarginLossBackward0>)\n'
            'tensor([[ 0.0000,  0.0500,  0.1500, -0.2000],\n'
            '        [-0.2167,  0.0000,  0.1833,  0.0333],\n'
            '        [ 0.0000,  0.0000,  0.0000,  0.0000]])\n'
            '2 sum tensor(0.3875, grad_fn=<MultiMarginLossBackward0>)\n'
            'tensor([[ 0.0000,  0.1500,  0.4500, -0.6000],\n'
            '        [-0.6500,  0.0000,  0.5500,  0.1000],\n'
            '        [ 0.0000,  0.0000,  0.0000,  0.0000]])\n'
            '2 none tensor([0.0750, 0.3125, 0.0000], grad_fn=<MultiMarginLossBackward0>)\n'
            'tensor([[ 0.0000,  0.1500,  0.4500, -0.6000],\n'
            '        [-0.6500,  0.0000,  0.5500,  0.1000],\n'
            '        [ 0.0000,  0.0000,  0.0000,  0.0000]])\n'
            'tensor(0.2833, grad_fn=<MultiMarginLossBackward0>) tensor(0.3250, grad_fn=<MultiMarginLossBackward0>) tensor(0.3250, grad_fn=<MultiMarginLossBackward0>)\n'  # noqa: E501
            'tensor(0.) tensor(0.2833, dtype=torch.float64, grad_fn=<MultiMarginLossBackward0>)\n'
            'RuntimeError expected scalar type Long but found Float\n'
            'RuntimeError multi_margin_loss: target tensor should be 1-D with size equal to the number of input samples (batch size). Expected target size [3], but got [2]. Input has shape [3, 4].\n'  # noqa: E501
            'RuntimeError target out of range\n'
            'RuntimeError target out of range\n'
            'ValueError only p == 1 and p == 2 supported\n'
            'RuntimeError inconsistent weight size, expected 4 but got [3]\n'
            'ValueError weight must be one-dimensional\n'
            'RuntimeError Expected non-empty vector or matrix with optional 0-dim batch size, but got: [3, 0]\n'  # noqa: E501
            'NotImplementedError "multi_margin_loss_cpu_kernel" not implemented for \'Int\'\n'
            'RuntimeError expected scalar type Long but found Int\n'
            'ValueError x is not a valid value for reduction\n'
            'RuntimeError expected scalar type Float but found Double\n'
            'RuntimeError Trying to backward through the graph a second time (or direc\n'
        ),
    ),
    # F.multilabel_soft_margin_loss with class weights, its module and buffer;
    # multi-margin modules and their checks
    "multilabel_soft_margin_loss": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
x = torch.tensor([[0.8, -1.2, 0.1], [2.0, 0.5, -0.3]], requires_grad=True)
y = torch.tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]])
w = torch.tensor([1.0, 2.0, 0.5])
for red in ["mean", "sum", "none"]:
    loss = F.multilabel_soft_margin_loss(x, y, weight=w, reduction=red)
    print(red, loss)
    loss.sum().backward()
    print(x.grad)
    x.grad = None
m = nn.MultiLabelSoftMarginLoss(weight=w)
print(m, m.state_dict())
loss = m(x, y)
print(loss.grad_fn.next_functions[0][0], loss.grad_fn.next_functions[0][0].next_functions)
print(F.multilabel_soft_margin_loss(x[0], y[0]), F.multilabel_soft_margin_loss(x.double(), y))
try:
    F.multilabel_soft_margin_loss(x, y, reduction="avg")
except Exception as e:
    print(type(e).__name__, e)
try:
    F.multilabel_soft_margin_loss(x, y[:, :2])
except Exception as e:
    print(type(e).__name__, e)
print(nn.MultiLabelMarginLoss(), nn.MultiMarginLoss(p=2, margin=0.5))
print(nn.MultiMarginLoss(weight=w).weight)
try:
    nn.MultiMarginLoss(p=3)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.MultiMarginLoss(weight=w[None])
except Exception as e:
    print(type(e).__name__, e)
print(nn.MultiMarginLoss(reduction="sum")(x, torch.tensor([2, 0])))
print(nn.MultiLabelMarginLoss(reduction="none")(x, torch.tensor([[2, -1, 0], [1, 0, -1]])))
""",
        (
            'mean tensor(0.7870, grad_fn=<MeanBackward0>)\n'
            'tensor([[-0.0517,  0.0772, -0.0396],\n'
            '        [ 0.1468, -0.1258, -0.0479]])\n'
            'sum tensor(1.5740, grad_fn=<SumBackward0>)\n'
            'tensor([[-0.1033,  0.1543, -0.0792],\n'
            '        [ 0.2936, -0.2517, -0.0957]])\n'
            'none tensor([0.4066, 1.1674], grad_fn=<DivBackward0>)\n'
            'tensor([[-0.1033,  0.1543, -0.0792],\n'
            '        [ 0.2936, -0.2517, -0.0957]])\n'
            "MultiLabelSoftMarginLoss() OrderedDict([('weight', tensor([1.0000, 2.0000, 0.5000]))])\n"
            '<DivBackward0 object at 0x…> ((<SumBackward1 object at 0x…>, 0), (None, 0))\n'
            'tensor(0.4263, grad_fn=<MeanBackward0>) tensor(0.7890, dtype=torch.float64, grad_fn=<MeanBackward0>)\n'  # noqa: E501
            'ValueError avg is not valid\n'
            'RuntimeError The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1\n'  # noqa: E501
            'MultiLabelMarginLoss() MultiMarginLoss()\n'
            'tensor([1.0000, 2.0000, 0.5000])\n'
            'ValueError only p == 1 and p == 2 supported\n'
            'ValueError MultiMarginLoss: expected weight to be None or 1D tensor, got 2D instead\n'
            'tensor(0.5667, grad_fn=<MultiMarginLossBackward0>)\n'
            'tensor([0.5667, 0.0667], grad_fn=<MultilabelMarginLossBackward0>)\n'
        ),
    ),
    # F.triplet_margin_loss (p, eps, swap) and triplet_margin_with_distance_loss (a custom distance),
    # modules (the PairwiseDistance child), grads, nodes, errors
    "triplet_margin_losses": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
a = torch.tensor([[0.0, 1.0], [1.0, 1.0], [2.0, -1.0]], requires_grad=True)
p = torch.tensor([[0.5, 1.0], [1.0, 3.0], [2.0, -0.5]], requires_grad=True)
n = torch.tensor([[0.0, 2.0], [1.5, 1.0], [-1.0, 0.0]], requires_grad=True)
for red in ["mean", "sum", "none"]:
    loss = F.triplet_margin_loss(a, p, n, margin=1.5, reduction=red)
    print(red, loss)
    loss.sum().backward()
    print(a.grad, p.grad, n.grad, sep="\n")
    a.grad = p.grad = n.grad = None
loss = F.triplet_margin_loss(a, p, n, p=1, swap=True)
print(loss, loss.grad_fn.next_functions[0][0].next_functions[0][0].next_functions)
print(nn.TripletMarginLoss(margin=0.5, p=3, eps=0.0)(a, p, n), F.triplet_margin_loss(a[0], p[0], n[0]))
print(nn.TripletMarginLoss(), F.triplet_margin_loss(a.double(), p.double(), n.double(), reduction="none"))
loss = F.triplet_margin_with_distance_loss(a, p, n, swap=True)
print(loss, loss.grad_fn.next_functions[0][0].next_functions[0][0].next_functions)
cos = lambda x, y: 1 - F.cosine_similarity(x, y)
loss = F.triplet_margin_with_distance_loss(a, p, n, distance_function=cos, margin=0.3, reduction="none")
print(loss)
loss.sum().backward()
print(a.grad, n.grad)
m = nn.TripletMarginWithDistanceLoss(margin=2.0, reduction="sum")
print(m, m(a, p, n), nn.TripletMarginWithDistanceLoss(distance_function=cos))
calls = [lambda: F.triplet_margin_loss(a, p, n, margin=0), lambda: F.triplet_margin_loss(a, p[0], n)]
calls += [lambda: F.triplet_margin_loss(a, p, n, reduction="avg"), lambda: nn.TripletMarginLoss(margin=-1.0)]
calls += [lambda: F.triplet_margin_with_distance_loss(a, p, n[0])]
calls += [lambda: F.triplet_margin_with_distance_loss(a, p, n, margin=-2)]
calls += [lambda: nn.TripletMarginWithDistanceLoss(margin=0.0)]
calls += [lambda: F.triplet_margin_with_distance_loss(a, p, n, reduction="x")]
calls += [lambda: F.triplet_margin_loss(a, p, n[:2])]
for call in calls:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
""",
        (
            'mean tensor(1.3333, grad_fn=<MeanBackward0>)\n'
            'tensor([[-0.3333,  0.3333],\n'
            '        [ 0.3333, -0.3333],\n'
            '        [ 0.0000,  0.0000]])\n'
            'tensor([[ 3.3333e-01, -6.6667e-07],\n'
            '        [-1.6667e-07,  3.3333e-01],\n'
            '        [-0.0000e+00,  0.0000e+00]])\n'
            'tensor([[ 3.3333e-07, -3.3333e-01],\n'
            '        [-3.3333e-01,  6.6667e-07],\n'
            '        [ 0.0000e+00, -0.0000e+00]])\n'
            'sum tensor(4., grad_fn=<SumBackward0>)\n'
            'tensor([[-1.0000,  1.0000],\n'
            '        [ 1.0000, -1.0000],\n'
            '        [ 0.0000,  0.0000]])\n'
            'tensor([[ 1.0000e+00, -2.0000e-06],\n'
            '        [-5.0000e-07,  1.0000e+00],\n'
            '        [-0.0000e+00,  0.0000e+00]])\n'
            'tensor([[ 1.0000e-06, -1.0000e+00],\n'
            '        [-1.0000e+00,  2.0000e-06],\n'
            '        [ 0.0000e+00, -0.0000e+00]])\n'
            'none tensor([1., 3., 0.], grad_fn=<ClampMinBackward0>)\n'
            'tensor([[-1.0000,  1.0000],\n'
            '        [ 1.0000, -1.0000],\n'
            '        [ 0.0000,  0.0000]])\n'
            'tensor([[ 1.0000e+00, -2.0000e-06],\n'
            '        [-5.0000e-07,  1.0000e+00],\n'
            '        [-0.0000e+00,  0.0000e+00]])\n'
            'tensor([[ 1.0000e-06, -1.0000e+00],\n'
            '        [-1.0000e+00,  2.0000e-06],\n'
            '        [ 0.0000e+00, -0.0000e+00]])\n'
            'tensor(1., grad_fn=<MeanBackward0>) ((<AddBackward1 object at 0x…>, 0), (<MinimumBackward0 object at 0x…>, 0))\n'  # noqa: E501
            'tensor(0.6667, grad_fn=<MeanBackward0>) tensor(0.5000, grad_fn=<MeanBackward0>)\n'
            'TripletMarginLoss() tensor([0.5000, 2.5000, 0.0000], dtype=torch.float64,\n'
            '       grad_fn=<ClampMinBackward0>)\n'
            'tensor(1., grad_fn=<MeanBackward0>) ((<AddBackward0 object at 0x…>, 0), (<MinimumBackward0 object at 0x…>, 0))\n'  # noqa: E501
            'tensor([0.4056, 0.3862, 0.0000], grad_fn=<ClampMinBackward0>)\n'
            'tensor([[-0.4472,  0.0000],\n'
            '        [ 0.3217, -0.3217],\n'
            '        [ 0.0000,  0.0000]]) tensor([[ 0.0000,  0.0000],\n'
            '        [-0.0603,  0.0905],\n'
            '        [ 0.0000,  0.0000]])\n'
            'TripletMarginWithDistanceLoss(\n'
            '  (distance_function): PairwiseDistance()\n'
            ') tensor(5., grad_fn=<SumBackward0>) TripletMarginWithDistanceLoss()\n'
            'ValueError margin must be greater than 0, got 0\n'
            'RuntimeError The anchor, positive, and negative tensors are expected to have the same number of dimensions, but got: anchor 2D, positive 1D, and negative 2D inputs\n'  # noqa: E501
            'ValueError avg is not a valid value for reduction\n'
            'ValueError TripletMarginLoss: expected margin to be greater than 0, got -1.0 instead\n'
            'RuntimeError The anchor, positive, and negative tensors are expected to have the same number of dimensions, but got: anchor 2D, positive 2D, and negative 1D inputs\n'  # noqa: E501
            'ValueError margin must be greater than 0, got -2\n'
            'ValueError TripletMarginWithDistanceLoss: expected margin to be greater than 0, got 0.0 instead\n'  # noqa: E501
            'ValueError x is not a valid value for reduction\n'
            'RuntimeError The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0\n'  # noqa: E501
        ),
    ),
    # F.poisson_nll_loss (log_input, full) and F.gaussian_nll_loss (per-sample and number variances,
    # eps clamping outside the graph), modules, grads, nodes, errors
    "poisson_and_gaussian_nll_losses": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
x = torch.tensor([[0.5, -1.0, 2.0], [0.1, 1.5, 0.0]], requires_grad=True)
k = torch.tensor([[1.0, 0.0, 4.0], [2.0, 1.0, 7.0]])
for red in ["mean", "sum", "none"]:
    loss = F.poisson_nll_loss(x, k, reduction=red)
    print(red, loss)
    loss.sum().backward()
    print(x.grad)
    x.grad = None
rate = torch.tensor([[0.5, 1.0, 2.0], [0.1, 1.5, 3.0]], requires_grad=True)
loss = F.poisson_nll_loss(rate, k, log_input=False, full=True)
print(loss, loss.grad_fn.next_functions)
loss.backward()
print(rate.grad)
print(F.poisson_nll_loss(x, k, full=True, reduction="none"))
m = nn.PoissonNLLLoss(log_input=False, eps=0.1, reduction="sum")
print(m, m(rate, k), F.poisson_nll_loss(x.double(), k))
try:
    F.poisson_nll_loss(x, k, reduction="avg")
except Exception as e:
    print(type(e).__name__, e)
mu = torch.tensor([[0.5, -1.0], [2.0, 0.3], [1.0, 1.0]], requires_grad=True)
y = torch.tensor([[0.0, -1.5], [2.5, 0.0], [1.0, 3.0]])
var = torch.tensor([[0.5, 2.0], [1.0, 0.1], [3.0, 0.25]], requires_grad=True)
for red in ["mean", "sum", "none"]:
    loss = F.gaussian_nll_loss(mu, y, var, reduction=red)
    print(red, loss)
    loss.sum().backward()
    print(mu.grad, var.grad, sep="\n")
    mu.grad = var.grad = None
loss = F.gaussian_nll_loss(mu, y, var, full=True)
print(loss, loss.grad_fn.next_functions[0][0].next_functions)
print(F.gaussian_nll_loss(mu, y, torch.tensor([1.0, 2.0, 0.5])), F.gaussian_nll_loss(mu, y, 0.5))
print(F.gaussian_nll_loss(mu, y, torch.ones(3, 1), eps=0.1, reduction="none"))
v0 = torch.tensor([0.0, 1.0, 0.2], requires_grad=True)
loss = F.gaussian_nll_loss(mu[:, 0], y[:, 0], v0, eps=0.5)
loss.backward()
print(loss, v0.grad)
m = nn.GaussianNLLLoss(full=True, eps=1e-3)
print(m, m(mu, y, var), m(mu.double(), y, var.double()))
bad = [(y, var[:2]), (y, -var), (y, -1.0), (y, torch.ones(2))]
for args in bad:
    try:
        F.gaussian_nll_loss(mu, *args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    F.gaussian_nll_loss(mu, y, var, reduction="avg")
except Exception as e:
    print(type(e).__name__, e)
""",
        (
            'mean tensor(0.9654, grad_fn=<MeanBackward0>)\n'
            'tensor([[ 0.1081,  0.0613,  0.5648],\n'
            '        [-0.1491,  0.5803, -1.0000]])\n'
            'sum tensor(5.7925, grad_fn=<SumBackward0>)\n'
            'tensor([[ 0.6487,  0.3679,  3.3891],\n'
            '        [-0.8948,  3.4817, -6.0000]])\n'
            'none tensor([[ 1.1487,  0.3679, -0.6109],\n'
            '        [ 0.9052,  2.9817,  1.0000]], grad_fn=<SubBackward0>)\n'
            'tensor([[ 0.6487,  0.3679,  3.3891],\n'
            '        [-0.8948,  3.4817, -6.0000]])\n'
            'tensor(2.4754, grad_fn=<MeanBackward0>) ((<AddBackward0 object at 0x…>, 0),)\n'
            'tensor([[-0.1667,  0.1667, -0.1667],\n'
            '        [-3.1667,  0.0556, -0.2222]])\n'
            'tensor([[1.1487, 0.3679, 2.5463],\n'
            '        [1.5570, 2.9817, 9.5133]], grad_fn=<AddBackward0>)\n'
            'PoissonNLLLoss() tensor(0.4721, grad_fn=<SumBackward0>) tensor(0.9654, dtype=torch.float64, grad_fn=<MeanBackward0>)\n'  # noqa: E501
            'ValueError avg is not a valid value for reduction\n'
            'mean tensor(1.2654, grad_fn=<MeanBackward0>)\n'
            'tensor([[ 0.1667,  0.0417],\n'
            '        [-0.0833,  0.5000],\n'
            '        [ 0.0000, -1.3333]])\n'
            'tensor([[ 0.0833,  0.0365],\n'
            '        [ 0.0625,  0.0833],\n'
            '        [ 0.0278, -5.0000]])\n'
            'sum tensor(7.5924, grad_fn=<SumBackward0>)\n'
            'tensor([[ 1.0000,  0.2500],\n'
            '        [-0.5000,  3.0000],\n'
            '        [ 0.0000, -8.0000]])\n'
            'tensor([[  0.5000,   0.2188],\n'
            '        [  0.3750,   0.5000],\n'
            '        [  0.1667, -30.0000]])\n'
            'none tensor([[-0.0966,  0.4091],\n'
            '        [ 0.1250, -0.7013],\n'
            '        [ 0.5493,  7.3069]], grad_fn=<MulBackward0>)\n'
            'tensor([[ 1.0000,  0.2500],\n'
            '        [-0.5000,  3.0000],\n'
            '        [ 0.0000, -8.0000]])\n'
            'tensor([[  0.5000,   0.2188],\n'
            '        [  0.3750,   0.5000],\n'
            '        [  0.1667, -30.0000]])\n'
            'tensor(2.1843, grad_fn=<MeanBackward0>) ((<MulBackward0 object at 0x…>, 0), (None, 0))\n'
            'tensor(0.7225, grad_fn=<MeanBackward0>) tensor(0.4601, grad_fn=<MeanBackward0>)\n'
            'tensor([[0.1250, 0.1250],\n'
            '        [0.1250, 0.0450],\n'
            '        [0.0000, 2.0000]], grad_fn=<MulBackward0>)\n'
            'tensor(-0.1060, grad_fn=<MeanBackward0>) tensor([0.1667, 0.1250, 0.3333])\n'
            'GaussianNLLLoss() tensor(2.1843, grad_fn=<MeanBackward0>) tensor(2.1843, dtype=torch.float64, grad_fn=<MeanBackward0>)\n'  # noqa: E501
            'ValueError var is of incorrect size\n'
            'ValueError var has negative entry/entries\n'
            'ValueError var has negative entry/entries\n'
            'ValueError var is of incorrect size\n'
            'ValueError avg is not valid\n'
        ),
    ),
    # F.gumbel_softmax after manual_seed (exponential_ draws on an empty_like), tau, dim, hard's
    # straight-through graph and gradient; exponential_ on empty and integer tensors
    "gumbel_softmax": (
        r"""
import torch
import torch.nn.functional as F
torch.manual_seed(0)
print(torch.empty(3, 4).exponential_())
print(torch.empty(20).exponential_(2.0))
print(torch.empty(3, dtype=torch.float64).exponential_())
torch.manual_seed(0)
logits = torch.tensor([[1.0, 2.0, 0.5], [0.0, -1.0, 3.0]], requires_grad=True)
y = F.gumbel_softmax(logits, tau=0.5)
print(y)
print(y.grad_fn, y.grad_fn.next_functions, y.grad_fn.next_functions[0][0].next_functions)
y[:, 0].sum().backward()
print(logits.grad)
logits.grad = None
h = F.gumbel_softmax(logits, hard=True)
print(h, h.grad_fn.next_functions)
(h * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(logits.grad)
print(F.gumbel_softmax(logits.detach().double(), dim=0))
print(F.gumbel_softmax(torch.randn(2, 3, 4), tau=2.0, hard=True, dim=1))
print(F.gumbel_softmax(torch.randn(17), tau=0.3))
print(F.gumbel_softmax(torch.tensor(2.0)), F.gumbel_softmax(torch.zeros(0, 3)))
for call in [lambda: F.gumbel_softmax(logits, dim=2), lambda: F.gumbel_softmax(torch.tensor([1, 2]))]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
print(F.gumbel_softmax(logits, tau=0.1, hard=True, dim=0))
""",
        (
            'tensor([[3.5083, 1.2304, 0.6150, 2.5351],\n'
            '        [1.0357, 1.5661, 0.1968, 0.4325],\n'
            '        [0.8707, 0.3400, 0.6031, 0.1946]])\n'
            'tensor([0.2195, 0.4863, 0.3287, 0.2906, 0.2615, 0.1150, 0.5469, 0.7683, 0.1181,\n'
            '        0.5646, 0.0581, 0.3709, 0.1281, 0.4085, 0.4428, 0.5728, 0.6840, 0.1292,\n'
            '        0.8301, 0.4979])\n'
            'tensor([0.2180, 0.1657, 0.6568], dtype=torch.float64)\n'
            'tensor([[1.3690e-02, 8.2244e-01, 1.6387e-01],\n'
            '        [9.4438e-04, 7.6574e-04, 9.9829e-01]], grad_fn=<SoftmaxBackward0>)\n'
            '<SoftmaxBackward0 object at 0x…> ((<DivBackward0 object at 0x…>, 0),) ((<AddBackward0 object at 0x…>, 0), (None, 0))\n'  # noqa: E501
            'tensor([[ 2.7005e-02, -2.2518e-02, -4.4866e-03],\n'
            '        [ 1.8870e-03, -1.4463e-06, -1.8855e-03]])\n'
            'tensor([[0., 1., 0.],\n'
            '        [0., 0., 1.]], grad_fn=<AddBackward0>) ((None, 0), (<SoftmaxBackward0 object at 0x…>, 0))\n'  # noqa: E501
            'tensor([[-0.2681,  0.1894,  0.0787],\n'
            '        [-0.0534, -0.0054,  0.0588]])\n'
            'tensor([[0.7826, 0.9153, 0.0279],\n'
            '        [0.2174, 0.0847, 0.9721]], dtype=torch.float64)\n'
            'tensor([[[1., 0., 1., 1.],\n'
            '         [0., 0., 0., 0.],\n'
            '         [0., 1., 0., 0.]],\n'
            '\n'
            '        [[0., 1., 1., 0.],\n'
            '         [0., 0., 0., 0.],\n'
            '         [1., 0., 0., 1.]]])\n'
            'tensor([1.5615e-07, 1.4162e-03, 9.8588e-01, 7.2113e-05, 9.2140e-03, 5.8160e-06,\n'
            '        1.1320e-06, 7.9897e-04, 1.8181e-05, 1.9212e-04, 8.6133e-04, 2.0165e-06,\n'
            '        7.4654e-04, 9.9018e-05, 1.7920e-08, 6.6206e-04, 3.3775e-05])\n'
            'tensor(1.) tensor([], size=(0, 3))\n'
            'IndexError Dimension out of range (expected to be in range of [-2, 1], but got 2)\n'
            'RuntimeError Exponential distribution is a continuous probability distribution. dtype must be a floating point but you specified Long\n'  # noqa: E501
            'tensor([[0., 1., 0.],\n'
            '        [1., 0., 1.]], grad_fn=<AddBackward0>)\n'
        ),
    ),
    # nn.EmbeddingBag: initial weights after manual_seed, sum/mean/max with offsets, 2-D batches,
    # per_sample_weights, padding_idx, include_last_offset, from_pretrained, grads, errors
    "embedding_bag_module": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
bag = nn.EmbeddingBag(6, 3, mode="sum")
print(bag, type(bag))
print(bag.weight)
text = torch.tensor([1, 2, 4, 5, 4, 3, 2, 0])
offsets = torch.tensor([0, 3, 3, 6])
out = bag(text, offsets)
print(out)
out.sum().backward()
print(bag.weight.grad)
weights = torch.tensor([0.5, 1.0, 2.0, -1.0, 0.25, 1.0, 3.0, 0.5], requires_grad=True)
bag.weight.grad = None
out = bag(text, offsets, per_sample_weights=weights)
print(out, out.grad_fn.next_functions)
(out * torch.arange(12.0).reshape(4, 3)).sum().backward()
print(bag.weight.grad, weights.grad, sep="\n")
torch.manual_seed(1)
mean_bag = nn.EmbeddingBag(5, 2, padding_idx=1)
print(mean_bag, mean_bag.weight)
batch = torch.tensor([[0, 1, 2], [1, 1, 1], [3, 4, 3]])
out = mean_bag(batch)
print(out)
out.backward(torch.ones(3, 2))
print(mean_bag.weight.grad)
max_bag = nn.EmbeddingBag(5, 2, mode="max", padding_idx=-1, include_last_offset=True)
print(max_bag)
out = max_bag(torch.tensor([0, 2, 4, 1, 3, 3]), torch.tensor([0, 2, 2, 6]))
print(out)
out.sum().backward()
print(max_bag.weight.grad)
table = torch.tensor([[1.0, 2.0], [3.0, -1.0], [0.5, 0.5]])
frozen = nn.EmbeddingBag.from_pretrained(table, mode="max")
print(frozen, frozen.weight.requires_grad, frozen(torch.tensor([[0, 1], [2, 2]])))
print(F.embedding_bag(torch.tensor([2, 0, 1]), table, torch.tensor([0, 1]), mode="mean"))
print(F.embedding_bag(torch.tensor([2, 0]), table.double(), torch.tensor([0]), mode="sum"))
print(F.embedding_bag(torch.tensor([], dtype=torch.long), table, torch.tensor([0, 0])))
calls = [lambda: nn.EmbeddingBag(4, 2, padding_idx=4), lambda: nn.EmbeddingBag(3, 2, _weight=table.t())]
calls += [lambda: F.embedding_bag(torch.tensor([0, 3]), table, torch.tensor([0]))]
calls += [lambda: F.embedding_bag(torch.tensor([0, 1]), table, torch.tensor([1]))]
calls += [lambda: F.embedding_bag(torch.tensor([0, 1]), table, torch.tensor([0, 3]))]
calls += [lambda: F.embedding_bag(torch.tensor([[0, 1]]), table, torch.tensor([0]))]
calls += [lambda: F.embedding_bag(torch.tensor([0, 1]), table, torch.tensor([0]), mode="median")]
calls += [lambda: F.embedding_bag(torch.tensor([0.0, 1.0]), table, torch.tensor([0]))]
calls += [lambda: F.embedding_bag(torch.tensor([0, 1]), table.long(), torch.tensor([0]))]
calls += [lambda: F.embedding_bag(torch.tensor([0, 1]), table, torch.tensor([0]), padding_idx=3)]
calls += [lambda: F.embedding_bag(torch.tensor([0, 1]), table, offsets[:1], per_sample_weights=weights)]
for call in calls:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
""",
        (
            "EmbeddingBag(6, 3, mode='sum') <class 'torch.nn.modules.sparse.EmbeddingBag'>\n"
            'Parameter containing:\n'
            'tensor([[-1.1258, -1.1524,  0.5667],\n'
            '        [ 0.7935,  0.5988, -1.5551],\n'
            '        [-0.3414,  1.8530,  0.4681],\n'
            '        [-0.1577, -0.1734,  0.1835],\n'
            '        [ 1.3894,  1.5863,  0.9463],\n'
            '        [-0.8437,  0.9318,  1.2590]], requires_grad=True)\n'
            'tensor([[ 1.8415,  4.0382, -0.1407],\n'
            '        [ 0.0000,  0.0000,  0.0000],\n'
            '        [ 0.3880,  2.3448,  2.3888],\n'
            '        [-1.4672,  0.7006,  1.0347]], grad_fn=<EmbeddingBagBackward0>)\n'
            'tensor([[1., 1., 1.],\n'
            '        [1., 1., 1.],\n'
            '        [2., 2., 2.],\n'
            '        [1., 1., 1.],\n'
            '        [2., 2., 2.],\n'
            '        [1., 1., 1.]])\n'
            'tensor([[ 2.8341,  5.3251,  1.5831],\n'
            '        [ 0.0000,  0.0000,  0.0000],\n'
            '        [ 1.0333, -0.7086, -0.8390],\n'
            '        [-1.5870,  4.9828,  1.6876]], grad_fn=<EmbeddingBagBackward0>) ((<AccumulateGrad object at 0x…>, 0), (<AccumulateGrad object at 0x…>, 0))\n'  # noqa: E501
            'tensor([[ 4.5000,  5.0000,  5.5000],\n'
            '        [ 0.0000,  0.5000,  1.0000],\n'
            '        [27.0000, 31.0000, 35.0000],\n'
            '        [ 6.0000,  7.0000,  8.0000],\n'
            '        [ 1.5000,  3.7500,  6.0000],\n'
            '        [-6.0000, -7.0000, -8.0000]])\n'
            'tensor([ -2.5114,   2.7892,   3.4789,  11.5328,  27.0109,  -0.6922,  20.6069,\n'
            '        -15.4230])\n'
            "EmbeddingBag(5, 2, mode='mean', padding_idx=1) Parameter containing:\n"
            'tensor([[ 0.6614,  0.2669],\n'
            '        [ 0.0000,  0.0000],\n'
            '        [-0.4519, -0.1661],\n'
            '        [-1.5228,  0.3817],\n'
            '        [-1.0276, -0.5631]], requires_grad=True)\n'
            'tensor([[ 0.1047,  0.0504],\n'
            '        [ 0.0000,  0.0000],\n'
            '        [-1.3577,  0.0668]], grad_fn=<EmbeddingBagBackward0>)\n'
            'tensor([[0.5000, 0.5000],\n'
            '        [0.0000, 0.0000],\n'
            '        [0.5000, 0.5000],\n'
            '        [0.6667, 0.6667],\n'
            '        [0.3333, 0.3333]])\n'
            "EmbeddingBag(5, 2, mode='max', padding_idx=4)\n"
            'tensor([[ 0.4224,  0.2673],\n'
            '        [ 0.0000,  0.0000],\n'
            '        [-0.1955, -0.5107]], grad_fn=<EmbeddingBagBackward0>)\n'
            'tensor([[0., 0.],\n'
            '        [1., 0.],\n'
            '        [1., 1.],\n'
            '        [0., 1.],\n'
            '        [0., 0.]])\n'
            "EmbeddingBag(3, 2, mode='max') False tensor([[3.0000, 2.0000],\n"
            '        [0.5000, 0.5000]])\n'
            'tensor([[0.5000, 0.5000],\n'
            '        [2.0000, 0.5000]])\n'
            'tensor([[1.5000, 2.5000]], dtype=torch.float64)\n'
            'tensor([[0., 0.],\n'
            '        [0., 0.]])\n'
            'AssertionError padding_idx must be within num_embeddings\n'
            'AssertionError Shape of weight does not match num_embeddings and embedding_dim\n'
            'RuntimeError Index 1 of input takes value 3 which is not in the valid range [0, 3)\n'
            'RuntimeError offsets[0] has to be 0, i.e., the first sequence in the mini-batch has to start from position 0. However, got 1\n'  # noqa: E501
            '[ torch.LongTensor{} ]\n'
            "RuntimeError offsets[-1] can not be greater than input's length 2 but got offsets[-1] of 3\n"
            "ValueError if input is 2D, then offsets has to be None, as input is treated is a mini-batch of fixed length sequences. However, found offsets of type <class 'torch.Tensor'>\n"  # noqa: E501
            'ValueError mode has to be one of sum, mean or max\n'
            "RuntimeError Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.FloatTensor instead (while checking arguments for embedding_bag)\n"  # noqa: E501
            "RuntimeError Expected tensor for argument #1 'weight' to have one of the following scalar types: Half, BFloat16, Float, Double; but got torch.LongTensor instead (while checking arguments for embedding_bag)\n"  # noqa: E501
            'RuntimeError padding_idx must be within the number of embeddings, -3 through 2, but got 3\n'
            'ValueError embedding_bag: If per_sample_weights (torch.Size([8])) is not None, then it must have the same shape as the input (torch.Size([2]))\n'  # noqa: E501
        ),
    ),
    # F.embedding_bag: modes, EmbeddingBagBackward0's edges, int indices, 2-D per_sample_weights
    # with a padding row and their gradient, max ties, float64, PyTorch's errors
    "embedding_bag_functional": (
        r"""
import torch
import torch.nn.functional as F
w = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5], [3.0, 1.0, 0.0], [-2.0, 4.0, 1.0]])
w.requires_grad_()
text = torch.tensor([1, 2, 3, 0, 3, 2, 1, 1])
for mode in ["sum", "mean", "max"]:
    out = F.embedding_bag(text, w, torch.tensor([0, 4]), mode=mode)
    print(mode, out, out.grad_fn.next_functions)
    out.sum().backward()
    print(w.grad)
    w.grad = None
print(F.embedding_bag(text, w, torch.tensor([0, 2, 5]), include_last_offset=True, mode="sum"))
print(F.embedding_bag(text.int(), w, torch.tensor([0, 4]).int()))
print(F.embedding_bag(text.reshape(2, 4), w, mode="max", padding_idx=1))
psw = torch.tensor([[0.5, 2.0, 1.0, -1.0], [1.0, 1.0, 0.5, 0.5]], requires_grad=True)
out = F.embedding_bag(text.reshape(2, 4), w, mode="sum", per_sample_weights=psw, padding_idx=2)
print(out)
out.backward(torch.tensor([[1.0, 0.0, 2.0], [-1.0, 1.0, 0.5]]))
print(w.grad, psw.grad, sep="\n")
ties = torch.tensor([[1.0, 2.0], [1.0, 5.0], [3.0, 0.0]], requires_grad=True)
out = F.embedding_bag(torch.tensor([[0, 1], [2, 2]]), ties, mode="max")
out.sum().backward()
print(out, ties.grad)
print(F.embedding_bag(text, w.detach().double(), torch.tensor([0, 3, 8]), mode="mean"))
calls = [lambda: F.embedding_bag(text, w, torch.tensor([0, 4]), mode="sum", per_sample_weights=psw[0])]
four = torch.tensor([0, 4])
calls += [lambda: F.embedding_bag(text, w, four, mode="sum", per_sample_weights=text.double())]
calls += [lambda: F.embedding_bag(text, w, torch.tensor([0, 4]).float())]
calls += [lambda: F.embedding_bag(text, w), lambda: F.embedding_bag(text, w, torch.tensor([[0, 4]]))]
calls += [lambda: F.embedding_bag(text.reshape(2, 2, 2), w, torch.tensor([0]))]
calls += [lambda: F.embedding_bag(text, w[0], torch.tensor([0]))]
calls += [lambda: F.embedding_bag(text, w, four[:1], mode="mean", per_sample_weights=text.float())]
calls += [lambda: F.embedding_bag(text, w, torch.tensor([0]), mode="max", padding_idx=-5)]
for call in calls:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
""",
        (
            'sum tensor([[3.0000, 4.2500, 2.5000],\n'
            '        [4.0000, 5.5000, 0.0000]], grad_fn=<EmbeddingBagBackward0>) ((<AccumulateGrad object at 0x…>, 0), (None, 0))\n'  # noqa: E501
            'tensor([[1., 1., 1.],\n'
            '        [3., 3., 3.],\n'
            '        [2., 2., 2.],\n'
            '        [2., 2., 2.]])\n'
            'mean tensor([[0.7500, 1.0625, 0.6250],\n'
            '        [1.0000, 1.3750, 0.0000]], grad_fn=<EmbeddingBagBackward0>) ((<AccumulateGrad object at 0x…>, 0), (None, 0))\n'  # noqa: E501
            'tensor([[0.2500, 0.2500, 0.2500],\n'
            '        [0.7500, 0.7500, 0.7500],\n'
            '        [0.5000, 0.5000, 0.5000],\n'
            '        [0.5000, 0.5000, 0.5000]])\n'
            'max tensor([[3., 4., 2.],\n'
            '        [3., 4., 1.]], grad_fn=<EmbeddingBagBackward0>) ((<AccumulateGrad object at 0x…>, 0), (None, 0))\n'  # noqa: E501
            'tensor([[0., 0., 1.],\n'
            '        [0., 0., 0.],\n'
            '        [2., 0., 0.],\n'
            '        [0., 2., 1.]])\n'
            'tensor([[ 4.5000,  1.2500, -0.5000],\n'
            '        [-3.5000,  7.0000,  4.0000]], grad_fn=<EmbeddingBagBackward0>)\n'
            'tensor([[0.7500, 1.0625, 0.6250],\n'
            '        [1.0000, 1.3750, 0.0000]], grad_fn=<EmbeddingBagBackward0>)\n'
            'tensor([[3., 4., 2.],\n'
            '        [3., 4., 1.]], grad_fn=<EmbeddingBagBackward0>)\n'
            'tensor([[-1.7500,  5.1250, -1.2500],\n'
            '        [-0.5000,  4.2500,  0.5000]], grad_fn=<EmbeddingBagBackward0>)\n'
            'tensor([[-1.0000,  0.0000, -2.0000],\n'
            '        [-0.5000,  1.0000,  1.5000],\n'
            '        [ 0.0000,  0.0000,  0.0000],\n'
            '        [ 0.0000,  1.0000,  2.5000]])\n'
            'tensor([[ 0.5000,  0.0000,  0.0000,  4.5000],\n'
            '        [ 6.5000,  0.0000, -1.5000, -1.5000]])\n'
            'tensor([[1., 5.],\n'
            '        [3., 0.]], grad_fn=<EmbeddingBagBackward0>) tensor([[1., 0.],\n'
            '        [0., 1.],\n'
            '        [1., 1.]])\n'
            'tensor([[0.8333, 1.7500, 0.1667],\n'
            '        [0.9000, 0.9000, 0.4000],\n'
            '        [0.0000, 0.0000, 0.0000]], dtype=torch.float64)\n'
            'ValueError embedding_bag: If per_sample_weights (torch.Size([4])) is not None, then it must have the same shape as the input (torch.Size([8]))\n'  # noqa: E501
            "RuntimeError Expected tensor for argument #1 'weight' to have the same type as tensor for argument #1 'per_sample_weights'; but type torch.FloatTensor does not equal torch.DoubleTensor (while checking arguments for embedding_bag)\n"  # noqa: E501
            "RuntimeError Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.FloatTensor instead (while checking arguments for embedding_bag)\n"  # noqa: E501
            'ValueError offsets has to be a 1D Tensor but got None\n'
            'ValueError offsets has to be a 1D Tensor\n'
            'ValueError input has to be 1D or 2D Tensor, but got Tensor of dimension 3\n'
            'ValueError weight has to be a 2D Tensor, but got Tensor of dimension 1\n'
            "NotImplementedError embedding_bag: per_sample_weights was not None. per_sample_weights is only supported for mode='sum' (got mode='mean'). Please open a feature request on GitHub.\n"  # noqa: E501
            'RuntimeError padding_idx must be within the number of embeddings, -4 through 3, but got -5\n'
        ),
    ),
    # The new losses on integer tensors (a margin or eps added in PyTorch's C++ makes float32), 0-d
    # and empty inputs; Tensor.size(dim)'s and pairwise_distance's PyTorch behaviour on them
    "loss_integer_inputs": (
        r"""
import torch
import torch.nn.functional as F
a = torch.tensor([3, 1, 2])
b = torch.tensor([1, 2, 2])
y = torch.tensor([1, -1, 1])
calls = [lambda: F.margin_ranking_loss(a, b, y), lambda: F.margin_ranking_loss(a, b, y, margin=0.5)]
calls += [lambda: F.margin_ranking_loss(a, b, y, reduction="sum")]
calls += [lambda: F.margin_ranking_loss(a.float(), b, y, reduction="none")]
calls += [lambda: F.hinge_embedding_loss(a, y, reduction="none"), lambda: F.hinge_embedding_loss(a, y)]
calls += [lambda: F.hinge_embedding_loss(a.double(), y.float())]
calls += [lambda: F.cosine_embedding_loss(a[None], b[None], y[:1])]
calls += [lambda: F.triplet_margin_loss(a[None], b[None], a[None] + 1)]
calls += [lambda: F.poisson_nll_loss(a, b), lambda: F.poisson_nll_loss(a, b, log_input=False)]
calls += [lambda: F.poisson_nll_loss(a.float(), b, log_input=False, full=True, reduction="none")]
calls += [lambda: F.gaussian_nll_loss(a.float(), b.float(), 1.0), lambda: F.soft_margin_loss(a.float(), y)]
calls += [lambda: F.margin_ranking_loss(torch.tensor(1.0), torch.tensor(2.0), torch.tensor(-1.0))]
col, row = a[:, None].float(), b[None].float()
calls += [lambda: F.margin_ranking_loss(col, row, y[None].float(), reduction="none")]
calls += [lambda: F.hinge_embedding_loss(torch.zeros(0), torch.zeros(0))]
calls += [lambda: F.multilabel_soft_margin_loss(torch.tensor(0.5), torch.tensor(1.0))]
calls += [lambda: torch.pairwise_distance(a[None], b[None]), lambda: torch.tensor(1).size(0)]
calls += [lambda: torch.zeros(2, 3).size(-3), lambda: torch.zeros(2, 3).size(2)]
for call in calls:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
""",
        (
            'tensor(0.)\n'
            'tensor(0.1667)\n'
            'tensor(0.)\n'
            'tensor([0., 0., 0.])\n'
            'tensor([3, 0, 2])\n'
            'RuntimeError mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long\n'  # noqa: E501
            'tensor(1.6667, dtype=torch.float64)\n'
            'tensor(0.1982)\n'
            'tensor(1.5040)\n'
            'tensor(7.0643)\n'
            'tensor(1.1717)\n'
            'tensor([1.9014, 1.6518, 1.2655])\n'
            'tensor(0.8333)\n'
            'tensor(0.4963)\n'
            'tensor(0.)\n'
            'tensor([[0., 1., 0.],\n'
            '        [0., 0., 1.],\n'
            '        [0., 0., 0.]])\n'
            'tensor(nan)\n'
            'IndexError Dimension specified as -1 but tensor has no dimensions\n'
            'tensor([2.2361])\n'
            'IndexError Dimension specified as 0 but tensor has no dimensions\n'
            'IndexError Dimension out of range (expected to be in range of [-2, 1], but got -3)\n'
            'IndexError Dimension out of range (expected to be in range of [-2, 1], but got 2)\n'
        ),
    ),
    # F.gaussian_nll_loss with a number as the variance: a float is used for every element; an int or a
    # bool reaches torch.any, which refuses it as PyTorch's does
    "gaussian_nll_loss_number_variance": (
        r"""
import torch
import torch.nn.functional as F
x = torch.tensor([0.5, 1.0])
for v in [1, -1, 2.0, True]:
    try:
        print(F.gaussian_nll_loss(x, torch.zeros(2), v))
    except Exception as e:
        print(type(e).__name__, e)
""",
        (
            'TypeError any() received an invalid combination of arguments - got (bool), but expected one of:\n'  # noqa: E501
            ' * (Tensor input, *, Tensor out = None)\n'
            ' * (Tensor input, tuple of ints dim = None, bool keepdim = False, *, Tensor out = None)\n'
            ' * (Tensor input, int dim, bool keepdim = False, *, Tensor out = None)\n'
            '\n'
            'TypeError any() received an invalid combination of arguments - got (bool), but expected one of:\n'  # noqa: E501
            ' * (Tensor input, *, Tensor out = None)\n'
            ' * (Tensor input, tuple of ints dim = None, bool keepdim = False, *, Tensor out = None)\n'
            ' * (Tensor input, int dim, bool keepdim = False, *, Tensor out = None)\n'
            '\n'
            'tensor(0.5028)\n'
            'TypeError any() received an invalid combination of arguments - got (bool), but expected one of:\n'  # noqa: E501
            ' * (Tensor input, *, Tensor out = None)\n'
            ' * (Tensor input, tuple of ints dim = None, bool keepdim = False, *, Tensor out = None)\n'
            ' * (Tensor input, int dim, bool keepdim = False, *, Tensor out = None)\n'
            '\n'
        ),
    ),
    # F.group_norm and nn.GroupNorm: values, NativeGroupNormBackward0 gradients (x, weight, bias),
    # empty inputs, PyTorch's errors (its bias-shape message shows the weight's shape).
    "group_norm": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
torch.manual_seed(0)
x = torch.arange(24.).reshape(2, 4, 3).sin().mul(3).requires_grad_()
y = F.group_norm(x, 2)
print(y)
y.pow(3).sum().backward()
print(x.grad)
w = torch.tensor([1., 2., -1., 0.5], requires_grad=True)
b = torch.tensor([0., 1., 2., 3.], requires_grad=True)
x.grad = None
out = F.group_norm(x, 4, w, b, eps=0.1)
print(out.grad_fn, [type(f).__name__ for f, _ in out.grad_fn.next_functions])
(out * torch.arange(24.).reshape(2, 4, 3).cos()).sum().backward()
print(x.grad, w.grad, b.grad, sep="\n")
gn = nn.GroupNorm(2, 4)
print(gn, type(gn), gn.weight, gn.bias)
print(nn.GroupNorm(1, 4, affine=False), nn.GroupNorm(2, 4, bias=False).bias)
print(gn(torch.tensor([[1., 2., 3., 5.], [0., 0., 1., 1.]], dtype=torch.float64).float()))
print(F.group_norm(torch.ones(2, 2, 2, 2, dtype=torch.float64), 1))
print(F.group_norm(torch.zeros(0, 4, 2, requires_grad=True), 2))
print(F.group_norm(torch.zeros(2, 4, 0), 4))
t(lambda: nn.GroupNorm(3, 4))
t(lambda: F.group_norm(x, 3))
t(lambda: F.group_norm(x, 0))
t(lambda: F.group_norm(x, -2))
t(lambda: F.group_norm(x, 2.0))
t(lambda: F.group_norm(torch.ones(4), 2))
t(lambda: F.group_norm(torch.ones(1, 4), 4))
t(lambda: F.group_norm(torch.ones(2, 4, dtype=torch.int64), 2))
t(lambda: F.group_norm(x, 2, torch.ones(3)))
t(lambda: F.group_norm(x, 2, None, torch.ones(3)))
t(lambda: F.group_norm(x, 2, torch.ones(4), torch.ones(2, 2)))
t(lambda: F.group_norm(x, 2, torch.ones(4, dtype=torch.float64)))
t(lambda: F.group_norm(x.double(), 2, torch.ones(4)))
""",
        (
            'tensor([[[-0.0412,  1.1406,  1.2358],\n'
            '         [ 0.1570, -1.1041, -1.3880],\n'
            '         [-0.4547,  0.8818,  1.3562],\n'
            '         [ 0.5323, -0.8324, -1.4832]],\n'
            '\n'
            '        [[-0.8431,  0.5418,  1.3676],\n'
            '         [ 0.8750, -0.4832, -1.4581],\n'
            '         [-1.1664,  0.1472,  1.2599],\n'
            '         [ 1.1487, -0.0842, -1.3053]]], grad_fn=<NativeGroupNormBackward0>)\n'
            'tensor([[[-1.4083,  0.5948,  0.9271],\n'
            '         [-1.3461,  0.1410,  1.0916],\n'
            '         [-1.1974, -0.1910,  1.3925],\n'
            '         [-0.9466, -0.5577,  1.5001]],\n'
            '\n'
            '        [[-0.5051, -0.9670,  1.4003],\n'
            '         [-0.2496, -1.1593,  1.4805],\n'
            '         [ 0.4428, -1.4161,  0.9461],\n'
            '         [ 0.5475, -1.4538,  0.9335]]])\n'
            "<NativeGroupNormBackward0 object at 0x…> ['AccumulateGrad', 'AccumulateGrad', 'AccumulateGrad']\n"  # noqa: E501
            'tensor([[[ 0.0048,  0.3430, -0.3478],\n'
            '         [ 0.0648, -0.5499,  0.4850],\n'
            '         [ 0.0482, -0.2268,  0.1786],\n'
            '         [ 0.0277, -0.0969,  0.0692]],\n'
            '\n'
            '        [[-0.0596,  0.1718, -0.1121],\n'
            '         [ 0.1264, -0.3153,  0.1890],\n'
            '         [ 0.0674, -0.1497,  0.0824],\n'
            '         [ 0.0365, -0.0735,  0.0370]]])\n'
            'tensor([-2.1196, -1.8139, -1.4284, -0.9900])\n'
            'tensor([ 3.0122, -3.3525,  3.6257, -3.8263])\n'
            "GroupNorm(2, 4, eps=1e-05, affine=True, bias=True) <class 'torch.nn.modules.normalization.GroupNorm'> Parameter containing:\n"  # noqa: E501
            'tensor([1., 1., 1., 1.], requires_grad=True) Parameter containing:\n'
            'tensor([0., 0., 0., 0.], requires_grad=True)\n'
            'GroupNorm(1, 4, eps=1e-05, affine=False, bias=False) None\n'
            'tensor([[-1.0000,  1.0000, -1.0000,  1.0000],\n'
            '        [ 0.0000,  0.0000,  0.0000,  0.0000]],\n'
            '       grad_fn=<NativeGroupNormBackward0>)\n'
            'tensor([[[[0., 0.],\n'
            '          [0., 0.]],\n'
            '\n'
            '         [[0., 0.],\n'
            '          [0., 0.]]],\n'
            '\n'
            '\n'
            '        [[[0., 0.],\n'
            '          [0., 0.]],\n'
            '\n'
            '         [[0., 0.],\n'
            '          [0., 0.]]]], dtype=torch.float64)\n'
            'tensor([], size=(0, 4, 2), grad_fn=<NativeGroupNormBackward0>)\n'
            'tensor([], size=(2, 4, 0))\n'
            'ValueError num_channels (4) must be divisible by num_groups (3)\n'
            'RuntimeError Expected number of channels in input to be divisible by num_groups, but got input of shape [2, 4, 3] and num_groups=3\n'  # noqa: E501
            'ZeroDivisionError integer division or modulo by zero\n'
            'RuntimeError Expected num groups to be greater than 0, got -2\n'
            "TypeError group_norm(): argument 'num_groups' (position 2) must be int, not float\n"
            'RuntimeError Expected at least 2 dimensions for input tensor but received 1\n'
            'ValueError Expected more than 1 value per channel when training, got input size [1, 4]\n'
            'NotImplementedError "GroupNormKernelImpl" not implemented for \'Long\'\n'
            'RuntimeError Expected weight to be a vector of size equal to the number of channels in input, but got weight of shape [3] and input of shape [2, 4, 3]\n'  # noqa: E501
            'RuntimeError Expected bias to be a vector of size equal to the number of channels in input, but got bias of shape [0] and input of shape [2, 4, 3]\n'  # noqa: E501
            'RuntimeError Expected bias to be a vector of size equal to the number of channels in input, but got bias of shape [4] and input of shape [2, 4, 3]\n'  # noqa: E501
            'RuntimeError mixed dtype (CPU): expect parameter to have scalar type of Float\n'
            'RuntimeError mixed dtype (CPU): all inputs must share same datatype.\n'
        ),
    ),
    # F.instance_norm and nn.InstanceNorm1d/2d: batch norm over a (1, N*C, ...) view (View, Repeat nodes),
    # running statistics, eval mode, unbatched input, and PyTorch's errors.
    "instance_norm": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
def names(node):
    return [type(f).__name__ for f, _ in node.next_functions if f is not None]
x = torch.arange(24.).reshape(2, 4, 3).sin().mul(2).requires_grad_()
y = F.instance_norm(x)
print(y, names(y.grad_fn), names(y.grad_fn.next_functions[0][0]))
(y * torch.arange(24.).reshape(2, 4, 3).cos()).sum().backward()
print(x.grad)
w = torch.tensor([1., 2., -1., 0.5], requires_grad=True)
b = torch.tensor([0., 1., 2., 3.], requires_grad=True)
x.grad = None
out = F.instance_norm(x, weight=w, bias=b, eps=0.01)
print(out.grad_fn, names(out.grad_fn.next_functions[0][0]))
(out * torch.arange(24.).reshape(2, 4, 3).cos()).sum().backward()
print(x.grad, w.grad, b.grad, sep="\n")
m = nn.InstanceNorm1d(4, affine=True, track_running_stats=True)
print(m, type(m), m.weight, m.running_mean)
print(m(x.detach()).sum(dim=2).abs().max() < 1e-5)
print(m.running_mean, m.running_var, m.num_batches_tracked)
m.eval()
print(m(x.detach()))
print(m.training, m.state_dict().keys())
m2 = nn.InstanceNorm2d(2)
print(m2, m2.weight, m2.running_mean)
img = torch.arange(18.).reshape(2, 3, 3).pow(2)
print(m2(img), m2(img.unsqueeze(0)).shape)
rm, rv = torch.zeros(4, dtype=torch.float64), torch.ones(4, dtype=torch.float64)
print(F.instance_norm(x.detach().double(), rm, rv, momentum=0.5).sum(dim=2).abs().max() < 1e-9, rm, rv)
print(F.instance_norm(x.detach().double(), rm, rv, use_input_stats=False))
print(F.instance_norm(torch.zeros(0, 4, 3)))
print(nn.InstanceNorm1d(3, momentum=None, track_running_stats=True))
t(lambda: F.instance_norm(x, weight=torch.ones(3)))
t(lambda: F.instance_norm(x, bias=torch.ones(3)))
t(lambda: F.instance_norm(x, torch.zeros(3), torch.ones(3)))
t(lambda: F.instance_norm(x, torch.zeros(4), None, use_input_stats=False))
t(lambda: F.instance_norm(x, None, None, use_input_stats=False))
t(lambda: F.instance_norm(torch.randn(2, 4, 1)))
t(lambda: F.instance_norm(torch.ones(2, 4, 3, dtype=torch.int64)))
t(lambda: F.instance_norm(x, weight=torch.ones(4, dtype=torch.float64)))
t(lambda: nn.InstanceNorm1d(4)(torch.randn(4)))
t(lambda: nn.InstanceNorm2d(4)(torch.ones(2, 4)))
t(lambda: F.instance_norm(x, torch.zeros(4), None))
t(lambda: nn.InstanceNorm1d(4, affine=True)(torch.randn(2, 3, 3)))
""",
        (
            'tensor([[[-1.4110,  0.6235,  0.7875],\n'
            '         [ 1.3930, -0.4851, -0.9079],\n'
            '         [-1.3683,  0.3748,  0.9935],\n'
            '         [ 1.3416, -0.2833, -1.0582]],\n'
            '\n'
            '        [[-1.3141,  0.2044,  1.1097],\n'
            '         [ 1.2860, -0.1335, -1.1525],\n'
            '         [-1.2571,  0.0675,  1.1896],\n'
            "         [ 1.2267, -0.0039, -1.2228]]], grad_fn=<ViewBackward0>) ['NativeBatchNormBackward0'] ['ViewBackward0']\n"  # noqa: E501
            'tensor([[[-0.0412,  0.5524, -0.5112],\n'
            '         [ 0.0795, -0.4326,  0.3531],\n'
            '         [-0.0922,  0.3518, -0.2596],\n'
            '         [ 0.0962, -0.2979,  0.2017]],\n'
            '\n'
            '        [[-0.0980,  0.2624, -0.1644],\n'
            '         [ 0.1003, -0.2399,  0.1397],\n'
            '         [-0.1043,  0.2274, -0.1231],\n'
            '         [ 0.1110, -0.2230,  0.1121]]])\n'
            "<ViewBackward0 object at 0x…> ['ViewBackward0', 'RepeatBackward0', 'RepeatBackward0']\n"
            'tensor([[[-0.0295,  0.5434, -0.5139],\n'
            '         [ 0.1443, -0.8558,  0.7114],\n'
            '         [ 0.0875, -0.3491,  0.2616],\n'
            '         [ 0.0466, -0.1481,  0.1016]],\n'
            '\n'
            '        [[-0.0960,  0.2613, -0.1653],\n'
            '         [ 0.1980, -0.4783,  0.2803],\n'
            '         [ 0.1035, -0.2267,  0.1232],\n'
            '         [ 0.0553, -0.1112,  0.0559]]])\n'
            'tensor([-2.1610, -1.8428, -1.4479, -1.0021])\n'
            'tensor([ 3.0122, -3.3525,  3.6257, -3.8263])\n'
            "InstanceNorm1d(4, eps=1e-05, momentum=0.1, affine=True, bias=True, track_running_stats=True) <class 'torch.nn.modules.instancenorm.InstanceNorm1d'> Parameter containing:\n"  # noqa: E501
            'tensor([1., 1., 1., 1.], requires_grad=True) tensor([0., 0., 0., 0.])\n'
            'tensor(True)\n'
            'tensor([ 0.0875, -0.0725,  0.0560, -0.0383]) tensor([1.0704, 1.0996, 1.1253, 1.1455]) tensor(0)\n'  # noqa: E501
            'tensor([[[-0.0846,  1.5421,  1.6732],\n'
            '         [ 0.3382, -1.3743, -1.7598],\n'
            '         [-0.5795,  1.1859,  1.8125],\n'
            '         [ 0.8059, -0.9808, -1.8328]],\n'
            '\n'
            '        [[-1.1218,  0.7276,  1.8304],\n'
            '         [ 1.3094, -0.4800, -1.7645],\n'
            '         [-1.4686,  0.2298,  1.6685],\n'
            '         [ 1.5993,  0.0193, -1.5455]]], grad_fn=<ViewBackward0>)\n'
            "False odict_keys(['weight', 'bias', 'running_mean', 'running_var', 'num_batches_tracked'])\n"
            'InstanceNorm2d(2, eps=1e-05, momentum=0.1, affine=False, bias=False, track_running_stats=False) None None\n'  # noqa: E501
            'tensor([[[-1.0558, -1.0092, -0.8695],\n'
            '         [-0.6366, -0.3105,  0.1087],\n'
            '         [ 0.6211,  1.2266,  1.9253]],\n'
            '\n'
            '        [[-1.4048, -1.1229, -0.8112],\n'
            '         [-0.4699, -0.0989,  0.3017],\n'
            '         [ 0.7321,  1.1921,  1.6818]]]) torch.Size([1, 2, 3, 3])\n'
            'tensor(True) tensor([ 0.4375, -0.3623,  0.2798, -0.1917], dtype=torch.float64) tensor([1.3521, 1.4981, 1.6266, 1.7274], dtype=torch.float64)\n'  # noqa: E501
            'tensor([[[-0.3762,  1.0711,  1.1877],\n'
            '         [ 0.5266, -0.9407, -1.2709],\n'
            '         [-0.6575,  0.8109,  1.3321],\n'
            '         [ 0.7730, -0.6820, -1.3758]],\n'
            '\n'
            '        [[-1.2991,  0.3464,  1.3276],\n'
            '         [ 1.3586, -0.1745, -1.2750],\n'
            '         [-1.3970,  0.0157,  1.2123],\n'
            '         [ 1.4190,  0.1324, -1.1418]]], dtype=torch.float64)\n'
            'tensor([], size=(0, 4, 3))\n'
            'InstanceNorm1d(3, eps=1e-05, momentum=None, affine=False, bias=False, track_running_stats=True)\n'  # noqa: E501
            'RuntimeError weight should contain 8 elements not 6\n'
            'RuntimeError bias should contain 8 elements not 6\n'
            'RuntimeError running_mean should contain 8 elements not 6\n'
            'RuntimeError Expected running_mean and running_var to be defined when use_input_stats is false\n'
            'RuntimeError Expected running_mean and running_var to be defined when use_input_stats is false\n'
            'ValueError Expected more than 1 spatial element when training, got input size torch.Size([2, 4, 1])\n'  # noqa: E501
            'NotImplementedError "batch_norm" not implemented for \'Long\'\n'
            'RuntimeError mixed dtype (CPU): expect parameter to have scalar type of Float\n'
            'ValueError expected 2D or 3D input (got 1D input)\n'
            'ValueError expected 3D or 4D input (got 2D input)\n'
            'ValueError running_mean and running_var must either both be None or neither be None\n'
            "ValueError expected input's size at dim=1 to match num_features (4), but got: 3.\n"
        ),
    ),
    # F.rms_norm and nn.RMSNorm: the composed graph PyTorch records (Pow, Mean, AddBackward1, Rsqrt, Mul),
    # gradients, eps=None as the dtype's machine epsilon, and PyTorch's errors.
    "rms_norm": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
def chain(node):
    names = []
    while node is not None:
        names.append(type(node).__name__)
        node = node.next_functions[-1][0] if node.next_functions else None
    return names
x = torch.arange(12.).reshape(2, 2, 3).sin().mul(2).requires_grad_()
y = F.rms_norm(x, [3])
print(y, chain(y.grad_fn))
(y * torch.arange(12.).reshape(2, 2, 3).cos()).sum().backward()
print(x.grad)
w = torch.tensor([1., 2., -0.5], requires_grad=True)
x.grad = None
out = F.rms_norm(x, (2, 3), torch.ones(2, 3), eps=0.1)
print(out, chain(out.grad_fn))
out = F.rms_norm(x, (3,), w, eps=0.1)
out.pow(2).sum().backward()
print(out.grad_fn, x.grad, w.grad, sep="\n")
print(F.rms_norm(torch.tensor([[1e-3, 2e-3, 3.1e-3], [1., 2., 3.]]), [3]))
print(F.rms_norm(torch.tensor([[1e-3, 2e-3, 3.1e-3], [1., 2., 3.]], dtype=torch.float64), [3]))
print(F.rms_norm(torch.zeros(2, 3), [3]), F.rms_norm(torch.zeros(0, 3, requires_grad=True), [3]))
m = nn.RMSNorm(3)
print(m, type(m), m.weight, m.eps, m.state_dict().keys())
print(m(torch.tensor([3., 4., 0.])))
print(nn.RMSNorm([2, 3], eps=1e-3, elementwise_affine=False), nn.RMSNorm([2, 3]).weight.shape)
t(lambda: F.rms_norm(x, 3))
t(lambda: F.rms_norm(x, [2]))
t(lambda: F.rms_norm(x, [4, 2, 2, 3]))
t(lambda: F.rms_norm(x, []))
t(lambda: F.rms_norm(x, [3], torch.ones(2)))
t(lambda: F.rms_norm(torch.ones(2, 3, dtype=torch.int64), [3]))
t(lambda: F.rms_norm(torch.ones(2, 3, dtype=torch.int64), [4]))
""",
        (
            'tensor([[[ 0.0000,  1.1764,  1.2712],\n'
            '         [ 0.1988, -1.0660, -1.3506]],\n'
            '\n'
            '        [[-0.3967,  0.9327,  1.4045],\n'
            "         [ 0.5896, -0.7783, -1.4306]]], grad_fn=<MulBackward0>) ['MulBackward0', 'RsqrtBackward0', 'AddBackward1', 'MeanBackward1', 'PowBackward0', 'AccumulateGrad']\n"  # noqa: E501
            'tensor([[[ 0.6990,  0.3485, -0.3225],\n'
            '         [-0.7027, -0.4311,  0.2368]],\n'
            '\n'
            '        [[ 0.6926,  0.5091, -0.1425],\n'
            '         [-0.6671, -0.5799,  0.0405]]])\n'
            'tensor([[[ 0.0000,  1.1528,  1.2457],\n'
            '         [ 0.1933, -1.0368, -1.3137]],\n'
            '\n'
            '        [[-0.3885,  0.9134,  1.3755],\n'
            "         [ 0.5729, -0.7563, -1.3902]]], grad_fn=<MulBackward0>) ['MulBackward0']\n"
            '<MulBackward0 object at 0x…>\n'
            'tensor([[[ 0.0000,  3.3122, -2.7750],\n'
            '         [-0.1603, -3.4319,  2.4483]],\n'
            '\n'
            '        [[ 0.1666,  3.3901, -2.0135],\n'
            '         [-0.0328, -3.1345,  1.5398]]])\n'
            'tensor([ 1.0363, 15.2259, -7.1039])\n'
            'tensor([[0.4477, 0.8954, 1.3879],\n'
            '        [0.4629, 0.9258, 1.3887]])\n'
            'tensor([[0.4531, 0.9063, 1.4047],\n'
            '        [0.4629, 0.9258, 1.3887]], dtype=torch.float64)\n'
            'tensor([[0., 0., 0.],\n'
            '        [0., 0., 0.]]) tensor([], size=(0, 3), grad_fn=<MulBackward0>)\n'
            "RMSNorm((3,), eps=None, elementwise_affine=True) <class 'torch.nn.modules.normalization.RMSNorm'> Parameter containing:\n"  # noqa: E501
            "tensor([1., 1., 1.], requires_grad=True) None odict_keys(['weight'])\n"
            'tensor([1.0392, 1.3856, 0.0000], grad_fn=<MulBackward0>)\n'
            'RMSNorm((2, 3), eps=0.001, elementwise_affine=False) torch.Size([2, 3])\n'
            "TypeError rms_norm(): argument 'normalized_shape' (position 2) must be tuple of ints, not int\n"
            'RuntimeError Given normalized_shape=[2], expected input with shape [*2], but got input of size[2, 2, 3]\n'  # noqa: E501
            'ValueError Input tensor must have at least 4 dimensions, but got 3\n'
            'RuntimeError Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, but got normalized_shape = []\n'  # noqa: E501
            'RuntimeError Expected weight to be of same shape as normalized_shape, but got weight of shape [2] and normalized_shape = [3]\n'  # noqa: E501
            'NotImplementedError "rms_norm" not implemented for \'Long\'\n'
            'RuntimeError Given normalized_shape=[4], expected input with shape [*4], but got input of size[2, 3]\n'  # noqa: E501
        ),
    ),
    # F.local_response_norm and nn.LocalResponseNorm: PyTorch's composed graph (avg_pool2d for 3-D inputs,
    # AvgPool3DBackward0 over a 5-D view for wider ones), gradients, integer inputs and PyTorch's errors.
    "local_response_norm": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
def chain(node):
    names = []
    while node is not None:
        names.append(type(node).__name__)
        node = node.next_functions[-1][0] if node.next_functions else None
    return names
x = torch.arange(12.).reshape(1, 4, 3).sin().mul(3).requires_grad_()
y = F.local_response_norm(x, 3, alpha=0.5, beta=0.75, k=2.0)
print(y, chain(y.grad_fn))
(y * torch.arange(12.).reshape(1, 4, 3).cos()).sum().backward()
print(x.grad)
img = torch.arange(32.).reshape(2, 4, 2, 2).cos().mul(2).requires_grad_()
out = F.local_response_norm(img, 2, alpha=1.0)
print(out, chain(out.grad_fn))
out.sum().backward()
print(img.grad)
vol = torch.arange(48.).reshape(1, 3, 2, 2, 4).sin().requires_grad_()
out = F.local_response_norm(vol, 4, alpha=0.3, k=0.5)
out.pow(2).sum().backward()
print(out.shape, out.grad_fn, vol.grad[0, :, 1, 1])
print(F.local_response_norm(torch.arange(12).reshape(1, 4, 3), 2))
print(F.local_response_norm(torch.arange(16).reshape(1, 4, 2, 2), 5, alpha=0.1))
print(F.local_response_norm(torch.ones(1, 3, 2, dtype=torch.float64), 9, beta=2.0))
e = torch.zeros(0, 4, 3)
print(F.local_response_norm(e, 2) is e)
m = nn.LocalResponseNorm(2)
print(m, type(m), m(torch.arange(6.).reshape(1, 3, 2)))
print(nn.LocalResponseNorm(3, alpha=0.01, beta=0.5, k=2))
t(lambda: F.local_response_norm(torch.ones(4, 3), 2))
t(lambda: F.local_response_norm(torch.ones(1, 4, 3), 0))
t(lambda: F.local_response_norm(torch.ones(1, 4, 3, 2), 0))
t(lambda: F.local_response_norm(torch.ones(1, 4, 3, 2), -1))
t(lambda: F.local_response_norm(torch.ones(1, 2, 2, dtype=torch.bool), 2))
t(lambda: F.local_response_norm(torch.ones(1, 2, 2, 2, dtype=torch.bool), 2))
t(lambda: F.local_response_norm(torch.ones(1, 2, 2, 2, dtype=torch.int32), 2))
""",
        (
            'tensor([[[ 0.0000,  0.9059,  0.8657],\n'
            '         [ 0.2387, -0.7265, -0.7423],\n'
            '         [-0.4345,  0.7034,  0.7422],\n'
            "         [ 0.6469, -0.7000, -0.9015]]], grad_fn=<DivBackward0>) ['DivBackward0', 'PowBackward0', 'AddBackward0']\n"  # noqa: E501
            'tensor([[[ 0.5880,  0.0495, -0.0553],\n'
            '         [-0.5281, -0.0031, -0.0200],\n'
            '         [ 0.3861,  0.0581,  0.0025],\n'
            '         [-0.3462, -0.2276, -0.0120]]])\n'
            'tensor([[[[ 0.8774,  0.7654],\n'
            '          [-0.6659, -0.8774]],\n'
            '\n'
            '         [[-0.4752,  0.3737],\n'
            '          [ 0.8045,  0.5236]],\n'
            '\n'
            '         [[-0.1800, -0.8371],\n'
            '          [-0.5667,  0.0050]],\n'
            '\n'
            '         [[ 0.8575,  0.6070],\n'
            '          [ 0.1398, -0.8545]]],\n'
            '\n'
            '\n'
            '        [[[-0.8768, -0.4951],\n'
            '          [ 0.8252,  0.8773]],\n'
            '\n'
            '         [[ 0.3438, -0.7195],\n'
            '          [-0.7246, -0.4144]],\n'
            '\n'
            '         [[ 0.5716,  0.7641],\n'
            '          [ 0.4720, -0.3859]],\n'
            '\n'
            '         [[-0.8022, -0.5208],\n'
            "          [ 0.1918,  0.8353]]]], grad_fn=<DivBackward0>) ['DivBackward0', 'PowBackward0', 'AddBackward0']\n"  # noqa: E501
            'tensor([[[[0.1849, 0.1431],\n'
            '          [0.6487, 0.1928]],\n'
            '\n'
            '         [[0.1496, 0.6938],\n'
            '          [0.2477, 0.2001]],\n'
            '\n'
            '         [[0.6739, 0.2465],\n'
            '          [0.2419, 0.5684]],\n'
            '\n'
            '         [[0.0680, 0.1426],\n'
            '          [0.4996, 0.1104]]],\n'
            '\n'
            '\n'
            '        [[[0.1693, 0.5526],\n'
            '          [0.3736, 0.1778]],\n'
            '\n'
            '         [[0.1481, 0.4954],\n'
            '          [0.2661, 0.1175]],\n'
            '\n'
            '         [[0.6178, 0.2563],\n'
            '          [0.1467, 0.6919]],\n'
            '\n'
            '         [[0.0562, 0.2050],\n'
            '          [0.5982, 0.0536]]]])\n'
            'torch.Size([1, 3, 2, 2, 4]) <DivBackward0 object at 0x…> tensor([[-2.5879,  1.6118,  2.2123,  2.8392],\n'  # noqa: E501
            '        [ 1.3065, -2.1102, -1.7263, -1.7577],\n'
            '        [ 0.0911,  2.8589,  2.1673,  0.5915]])\n'
            'tensor([[[ 0.0000,  1.0000,  1.9997],\n'
            '         [ 2.9991,  3.9976,  4.9948],\n'
            '         [ 5.9901,  6.9832,  7.9737],\n'
            '         [ 8.9610,  9.9449, 10.9247]]])\n'
            'tensor([[[[0.0000, 0.4280],\n'
            '          [0.7348, 0.9710]],\n'
            '\n'
            '         [[1.1292, 1.2282],\n'
            '          [1.2980, 1.3472]],\n'
            '\n'
            '         [[2.2584, 2.2108],\n'
            '          [2.1634, 2.1170]],\n'
            '\n'
            '         [[3.3876, 3.1934],\n'
            '          [3.0586, 2.9110]]]])\n'
            'tensor([[[0.9999, 0.9999],\n'
            '         [0.9999, 0.9999],\n'
            '         [0.9999, 0.9999]]], dtype=torch.float64)\n'
            'True\n'
            "LocalResponseNorm(2, alpha=0.0001, beta=0.75, k=1.0) <class 'torch.nn.modules.normalization.LocalResponseNorm'> tensor([[[0.0000, 1.0000],\n"  # noqa: E501
            '         [1.9997, 2.9989],\n'
            '         [3.9970, 4.9936]]])\n'
            'LocalResponseNorm(3, alpha=0.01, beta=0.5, k=2)\n'
            'ValueError Expected 3D or higher dimensionality                          input (got 2 dimensions)\n'  # noqa: E501
            'RuntimeError kernel size should be greater than zero, but got kH: 0 kW: 1\n'
            'RuntimeError kernel size should be greater than zero, but got kT: 0 kH: 1 kW: 1\n'
            'RuntimeError kernel size should be greater than zero, but got kT: -1 kH: 1 kW: 1\n'
            'NotImplementedError "avg_pool2d" not implemented for \'Bool\'\n'
            'NotImplementedError "avg_pool3d_out_frame" not implemented for \'Bool\'\n'
            'NotImplementedError "avg_pool3d_out_frame" not implemented for \'Int\'\n'
        ),
    ),
    # F.adaptive_max_pool1d/2d, torch.adaptive_max_pool1d, nn.AdaptiveMaxPool1d/2d: their node,
    # return_indices, NaN and tie choices, None sizes, empty inputs and outputs, and PyTorch's errors.
    "adaptive_max_pool": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
def chain(node):
    names = []
    while node is not None:
        names.append(type(node).__name__)
        node = node.next_functions[0][0] if node.next_functions else None
    return names
x = torch.arange(20.).reshape(1, 4, 5).sin().requires_grad_()
y = F.adaptive_max_pool1d(x, 3)
print(y, chain(y.grad_fn))
y.sum().backward()
print(x.grad)
v, i = F.adaptive_max_pool1d(x, 2, return_indices=True)
print(v, i, i.dtype, i.requires_grad)
print(torch.adaptive_max_pool1d(x.detach(), 4))
img = torch.arange(30.).reshape(1, 5, 6).cos().requires_grad_()
out, idx = F.adaptive_max_pool2d(img, (2, 4), return_indices=True)
print(out, idx, chain(out.grad_fn))
(out * torch.tensor([1., 2., 3., 4.])).sum().backward()
print(img.grad)
print(F.adaptive_max_pool2d(img.detach().view(1, 1, 5, 6), 3).shape, F.adaptive_max_pool2d(img, (None, 2)))
print(F.adaptive_max_pool2d(torch.ones(2, 1, 3, 3, dtype=torch.float64), 2))
print(F.adaptive_max_pool1d(torch.tensor([[1., float("nan"), 3, float("nan")]]), 2, return_indices=True))
print(F.adaptive_max_pool1d(torch.tensor([[1., 3, 3, -float("inf")]]), 1, return_indices=True))
print(F.adaptive_max_pool1d(torch.tensor([[-float("inf"), -float("inf")]]), 1, return_indices=True))
print(F.adaptive_max_pool2d(torch.ones(1, 4, 5), (2, 0)), F.adaptive_max_pool1d(torch.ones(0, 2, 3), 2))
m = nn.AdaptiveMaxPool2d((2, None), return_indices=True)
print(m, type(m), m(torch.arange(12.).reshape(1, 3, 4)))
m1 = nn.AdaptiveMaxPool1d(2)
print(m1, type(m1), m1(torch.tensor([[3., 1., 4., 1., 5.]])))
t(lambda: F.adaptive_max_pool2d(torch.arange(20).reshape(1, 4, 5), 2))
t(lambda: F.adaptive_max_pool2d(torch.ones(4, 5), 2))
t(lambda: F.adaptive_max_pool2d(torch.ones(4, 5), (2, 2)))
t(lambda: F.adaptive_max_pool2d(torch.ones(1, 4, 5), (2, -1)))
t(lambda: F.adaptive_max_pool2d(torch.ones(1, 4, 5), (2, 3, 4)))
t(lambda: F.adaptive_max_pool2d(torch.ones(1, 4, 5), (2,)))
t(lambda: F.adaptive_max_pool2d(torch.ones(1, 4, 5), (2.0, 1)))
t(lambda: F.adaptive_max_pool2d(torch.ones(1, 0, 5), 2))
t(lambda: F.adaptive_max_pool1d(torch.ones(4, 5, 6, 7), 2))
t(lambda: F.adaptive_max_pool1d(torch.ones(1, 5), (2, 3)))
t(lambda: F.adaptive_max_pool1d(torch.ones(1, 5), 2.0))
t(lambda: F.adaptive_max_pool1d(torch.ones(1, 0), 2))
t(lambda: F.adaptive_max_pool1d(torch.ones(1, 5), -1))
t(lambda: F.adaptive_max_pool1d(torch.ones(1, 5, dtype=torch.bool), 2))
t(lambda: F.adaptive_max_pool2d(torch.ones(1, 4, 5), 2.0))
e = torch.ones(0, 2, 3, requires_grad=True)
F.adaptive_max_pool1d(e, 2).sum().backward()
print(e.grad)
t(lambda: F.adaptive_max_pool2d(torch.ones(2, 3, 4, requires_grad=True), 0).sum().backward())
""",
        (
            'tensor([[[ 0.8415,  0.9093,  0.1411],\n'
            '         [-0.2794,  0.9894,  0.9894],\n'
            '         [-0.5440,  0.4202,  0.9906],\n'
            "         [ 0.6503, -0.2879,  0.1499]]], grad_fn=<SqueezeBackward1>) ['SqueezeBackward1', 'AdaptiveMaxPool2DBackward0', 'UnsqueezeBackward0', 'AccumulateGrad']\n"  # noqa: E501
            'tensor([[[0., 1., 1., 1., 0.],\n'
            '         [0., 1., 0., 2., 0.],\n'
            '         [1., 0., 0., 1., 1.],\n'
            '         [1., 1., 0., 0., 1.]]])\n'
            'tensor([[[ 0.9093,  0.9093],\n'
            '         [ 0.6570,  0.9894],\n'
            '         [-0.5366,  0.9906],\n'
            '         [ 0.6503,  0.1499]]], grad_fn=<SqueezeBackward1>) tensor([[[2, 2],\n'
            '         [2, 3],\n'
            '         [2, 4],\n'
            '         [0, 4]]]) torch.int64 False\n'
            '(tensor([[[ 0.8415,  0.9093,  0.9093,  0.1411],\n'
            '         [-0.2794,  0.6570,  0.9894,  0.9894],\n'
            '         [-0.5440, -0.5366,  0.4202,  0.9906],\n'
            '         [ 0.6503, -0.2879, -0.7510,  0.1499]]]), tensor([[[1, 2, 2, 3],\n'
            '         [1, 2, 3, 3],\n'
            '         [0, 2, 3, 4],\n'
            '         [0, 1, 3, 4]]]))\n'
            'tensor([[[ 1.0000,  0.9074, -0.6536,  0.2837],\n'
            '         [ 0.9912,  0.9912, -0.2921, -0.2752]]],\n'
            '       grad_fn=<AdaptiveMaxPool2DBackward0>) tensor([[[ 0, 13,  4,  5],\n'
            "         [25, 25, 27, 17]]]) ['AdaptiveMaxPool2DBackward0', 'AccumulateGrad']\n"
            'tensor([[[1., 0., 0., 0., 3., 4.],\n'
            '         [0., 0., 0., 0., 0., 0.],\n'
            '         [0., 2., 0., 0., 0., 4.],\n'
            '         [0., 0., 0., 0., 0., 0.],\n'
            '         [0., 3., 0., 3., 0., 0.]]])\n'
            'torch.Size([1, 1, 3, 3]) tensor([[[ 1.0000,  0.2837],\n'
            '         [ 0.9602,  0.0044],\n'
            '         [ 0.9074, -0.2752],\n'
            '         [ 0.9887, -0.5328],\n'
            '         [ 0.9912, -0.2921]]], grad_fn=<AdaptiveMaxPool2DBackward0>)\n'
            'tensor([[[[1., 1.],\n'
            '          [1., 1.]]],\n'
            '\n'
            '\n'
            '        [[[1., 1.],\n'
            '          [1., 1.]]]], dtype=torch.float64)\n'
            '(tensor([[nan, nan]]), tensor([[1, 3]]))\n'
            '(tensor([[3.]]), tensor([[1]]))\n'
            '(tensor([[-inf]]), tensor([[0]]))\n'
            'tensor([], size=(1, 2, 0)) tensor([], size=(0, 2, 2))\n'
            "AdaptiveMaxPool2d(output_size=(2, None)) <class 'torch.nn.modules.pooling.AdaptiveMaxPool2d'> (tensor([[[ 4.,  5.,  6.,  7.],\n"  # noqa: E501
            '         [ 8.,  9., 10., 11.]]]), tensor([[[ 4,  5,  6,  7],\n'
            '         [ 8,  9, 10, 11]]]))\n'
            "AdaptiveMaxPool1d(output_size=2) <class 'torch.nn.modules.pooling.AdaptiveMaxPool1d'> tensor([[4., 5.]])\n"  # noqa: E501
            'NotImplementedError "adaptive_max_pool2d" not implemented for \'Long\'\n'
            'RuntimeError adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: [4, 5]\n'
            'ValueError Input dimension should be at least 3\n'
            'RuntimeError Trying to create tensor with negative dimension -1: [1, 2, -1]\n'
            'ValueError Input dimension should be at least 4\n'
            'RuntimeError adaptive_max_pool2d(): internal error: output_size.size() must be 2\n'
            "TypeError adaptive_max_pool2d(): argument 'output_size' (position 2) must be tuple of ints, but found element of type float at pos 0\n"  # noqa: E501
            'RuntimeError adaptive_max_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes [1, 0, 5] with dimension 1 being empty\n'  # noqa: E501
            "RuntimeError Expected 2 to 3 dimensions, but got 4-dimensional tensor for argument #1 'self' (while checking arguments for adaptive_max_pool1d)\n"  # noqa: E501
            "RuntimeError adaptive_max_pool1d() argument 'output_size' should contain one int (got 2)\n"
            "TypeError adaptive_max_pool1d(): argument 'output_size' (position 2) must be tuple of ints, not float\n"  # noqa: E501
            'RuntimeError adaptive_max_pool1d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes [1, 0] with dimension 1 being empty\n'  # noqa: E501
            'RuntimeError Trying to create tensor with negative dimension -1: [1, 1, -1]\n'
            'NotImplementedError "adaptive_max_pool2d" not implemented for \'Bool\'\n'
            "TypeError object of type 'float' has no len()\n"
            'tensor([], size=(0, 2, 3))\n'
            'RuntimeError adaptive_max_pool2d_backward(): Expected grad_output to have non-zero size for non-batch dimensions, but grad_output has sizes [2, 0, 0] with dimension 1 being empty\n'  # noqa: E501
        ),
    ),
    # F.max_unpool1d/2d and nn.MaxUnpool1d/2d: MaxUnpool2DBackward0 (its gradient gathered back),
    # output_size, and PyTorch's errors (racy ones left out: repeated positions, several wrong indices).
    "max_unpool": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
def chain(node):
    names = []
    while node is not None:
        names.append(type(node).__name__)
        node = node.next_functions[0][0] if node.next_functions else None
    return names
x = torch.tensor([[[3., 1., 4., 1., 5., 9., 2., 6.]]], requires_grad=True)
v, i = F.max_pool1d(x, 2, return_indices=True)
u = F.max_unpool1d(v, i, 2)
print(u, chain(u.grad_fn))
(u * torch.arange(8.)).sum().backward()
print(x.grad)
print(F.max_unpool1d(v, i, 2, output_size=[9]), F.max_unpool1d(v, i, 2, output_size=(1, 1, 9)).shape)
y = torch.arange(16.).reshape(1, 1, 4, 4).cos().requires_grad_()
v, i = F.max_pool2d(y, 2, return_indices=True)
u = F.max_unpool2d(v, i, 2)
print(u, chain(u.grad_fn))
u.pow(2).sum().backward()
print(y.grad)
print(F.max_unpool2d(v, i, 2, output_size=(5, 5)).shape, F.max_unpool2d(v[0], i[0], (2, 2), stride=2))
z = torch.ones(1, 1, 2, 2, requires_grad=True)
u = F.max_unpool2d(z * 3, torch.zeros(1, 1, 2, 2).long(), 2)
u.backward(torch.arange(16.).reshape(1, 1, 4, 4) + 1)
print(u, z.grad)
print(F.max_unpool2d(torch.ones(0, 1, 1, 1), torch.zeros(0, 1, 1, 1).long(), 2))
pool, unpool = nn.MaxPool2d(2, return_indices=True), nn.MaxUnpool2d(2)
print(unpool, type(unpool), nn.MaxUnpool1d(2, stride=1), nn.MaxUnpool2d((2, 3), padding=1))
out, idx = pool(torch.arange(36.).reshape(1, 6, 6).sin())
print(unpool(out, idx), unpool(out, idx, output_size=[1, 1, 7, 7]).shape)
m1 = nn.MaxUnpool1d(3)
print(m1(torch.tensor([[2., 5.]]), torch.tensor([[1, 3]])))
print(m1(torch.tensor([[2., 5.]]), torch.tensor([[1, 3]]), output_size=[7]))
v, i = F.max_pool2d(torch.arange(16.).reshape(1, 1, 4, 4), 2, return_indices=True)
t(lambda: F.max_unpool2d(v, i, 2, output_size=(7, 7)))
t(lambda: F.max_unpool2d(v, i, 2, output_size=(1, 5, 5)))
t(lambda: F.max_unpool2d(v, i.float(), 2))
t(lambda: F.max_unpool2d(v, i.int(), 2))
wrong = torch.tensor([[[[5, 7], [13, 16]]]])
t(lambda: F.max_unpool2d(v, wrong, 2))
t(lambda: F.max_unpool2d(v, torch.tensor([[[[5, 7], [-3, 15]]]]), 2))
t(lambda: F.max_unpool2d(v, i[..., :1], 2))
t(lambda: F.max_unpool2d(v[0, 0], i[0, 0], 2))
t(lambda: F.max_unpool2d(v.long(), i, 2))
t(lambda: F.max_unpool2d(v[..., :1, :1], i[..., :1, :1], 2, stride=1, padding=1))
t(lambda: F.max_unpool2d(torch.ones(1, 0, 1, 1), torch.zeros(1, 0, 1, 1).long(), 2))
t(lambda: F.max_unpool1d(v[0], i[0, 0], 2))
t(lambda: F.max_unpool1d(torch.ones(3), torch.zeros(3).long(), 2))
""",
        (
            "tensor([[[3., 0., 4., 0., 0., 9., 0., 6.]]], grad_fn=<SqueezeBackward1>) ['SqueezeBackward1', 'MaxUnpool2DBackward0', 'UnsqueezeBackward0', 'SqueezeBackward1', 'MaxPool2DWithIndicesBackward0', 'UnsqueezeBackward0', 'AccumulateGrad']\n"  # noqa: E501
            'tensor([[[0., 0., 2., 0., 0., 5., 0., 7.]]])\n'
            'tensor([[[3., 0., 4., 0., 0., 9., 0., 6., 0.]]], grad_fn=<SqueezeBackward1>) torch.Size([1, 1, 9])\n'  # noqa: E501
            'tensor([[[[1.0000, 0.0000, 0.0000, 0.0000],\n'
            '          [0.0000, 0.0000, 0.9602, 0.0000],\n'
            '          [0.0000, 0.0000, 0.0000, 0.0000],\n'
            "          [0.0000, 0.9074, 0.1367, 0.0000]]]], grad_fn=<MaxUnpool2DBackward0>) ['MaxUnpool2DBackward0', 'MaxPool2DWithIndicesBackward0', 'AccumulateGrad']\n"  # noqa: E501
            'tensor([[[[2.0000, 0.0000, 0.0000, 0.0000],\n'
            '          [0.0000, 0.0000, 1.9203, 0.0000],\n'
            '          [0.0000, 0.0000, 0.0000, 0.0000],\n'
            '          [0.0000, 1.8149, 0.2735, 0.0000]]]])\n'
            'torch.Size([1, 1, 5, 5]) tensor([[[1.0000, 0.0000, 0.0000, 0.0000],\n'
            '         [0.0000, 0.0000, 0.9602, 0.0000],\n'
            '         [0.0000, 0.0000, 0.0000, 0.0000],\n'
            '         [0.0000, 0.9074, 0.1367, 0.0000]]], grad_fn=<MaxUnpool2DBackward0>)\n'
            'tensor([[[[3., 0., 0., 0.],\n'
            '          [0., 0., 0., 0.],\n'
            '          [0., 0., 0., 0.],\n'
            '          [0., 0., 0., 0.]]]], grad_fn=<MaxUnpool2DBackward0>) tensor([[[[3., 3.],\n'
            '          [3., 3.]]]])\n'
            'tensor([], size=(0, 1, 2, 2))\n'
            "MaxUnpool2d(kernel_size=(2, 2), stride=(2, 2), padding=(0, 0)) <class 'torch.nn.modules.pooling.MaxUnpool2d'> MaxUnpool1d(kernel_size=(2,), stride=(1,), padding=(0,)) MaxUnpool2d(kernel_size=(2, 3), stride=(2, 3), padding=(1, 1))\n"  # noqa: E501
            'tensor([[[ 0.0000,  0.8415,  0.0000,  0.0000,  0.0000,  0.0000],\n'
            '         [ 0.0000,  0.0000,  0.9894,  0.0000, -0.5440,  0.0000],\n'
            '         [ 0.0000,  0.4202,  0.9906,  0.0000,  0.0000,  0.0000],\n'
            '         [ 0.0000,  0.0000,  0.0000,  0.0000, -0.0089,  0.0000],\n'
            '         [ 0.0000, -0.1324,  0.0000,  0.0000,  0.0000,  0.0000],\n'
            '         [ 0.0000,  0.0000,  0.0000,  0.9999,  0.5291,  0.0000]]]) torch.Size([1, 7, 7])\n'
            'tensor([[0., 2., 0., 5., 0., 0.]])\n'
            'tensor([[0., 2., 0., 5., 0., 0., 0.]])\n'
            'ValueError invalid output_size "(7, 7)" (dim 0 must be between 2 and 6)\n'
            "ValueError output_size should be a sequence containing 2 or 4 elements, but it has a length of '3'\n"  # noqa: E501
            'RuntimeError elements in indices should be type int64 but got: Float\n'
            'RuntimeError elements in indices should be type int64 but got: Int\n'
            'RuntimeError Found an invalid max index: 16 (output volumes are of size 4x4)\n'
            'RuntimeError Found an invalid max index: -3 (output volumes are of size 4x4)\n'
            'RuntimeError Expected shape of indices to be same as that of the input tensor ([1, 1, 2, 2]) but got indices tensor with shape: [1, 1, 2, 1]\n'  # noqa: E501
            'RuntimeError Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with 2 dimensions.\n'  # noqa: E501
            'NotImplementedError "max_unpool2d" not implemented for \'Long\'\n'
            'tensor([], size=(1, 1, 0, 0))\n'
            'RuntimeError max_unpooling2d_forward_out_cpu(): Expected input to have non-zero size for non-batch dimensions, but got [1, 0, 1, 1] with dimension 1 being empty.\n'  # noqa: E501
            'RuntimeError Expected shape of indices to be same as that of the input tensor ([1, 2, 2, 1]) but got indices tensor with shape: [2, 2, 1]\n'  # noqa: E501
            'RuntimeError Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with 2 dimensions.\n'  # noqa: E501
        ),
    ),
    # F.lp_pool1d/2d and nn.LPPool1d/2d composed as PyTorch's (avg pool of x^p, sign*relu(abs), times the
    # window's size, to the 1/p), the +-inf norms through max pooling, and errors from the pools.
    "lp_pool": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
def chain(node):
    names = []
    while node is not None:
        names.append(type(node).__name__)
        node = node.next_functions[0][0] if node.next_functions else None
    return names
x = torch.arange(1., 9.).reshape(1, 1, 8).sin().add(1.5).requires_grad_()
y = F.lp_pool1d(x, 2, 3)
print(y, chain(y.grad_fn))
y.sum().backward()
print(x.grad)
print(F.lp_pool1d(x, 1.5, 2, stride=1), F.lp_pool1d(x, 3, 3, ceil_mode=True))
img = torch.arange(24.).reshape(1, 4, 6).cos().add(1.2).requires_grad_()
out = F.lp_pool2d(img, 2, (2, 3))
print(out, chain(out.grad_fn))
out.pow(2).sum().backward()
print(img.grad)
print(F.lp_pool2d(img, 1, 2, stride=1), F.lp_pool2d(img, 4.0, 2, ceil_mode=True))
print(F.lp_pool1d(torch.tensor([[1., -3., 2., -1.]]), 2, 2), F.lp_pool1d(torch.tensor([[1., -3.]]), 1, 2))
print(F.lp_pool1d(torch.tensor([[1., -3., 2., -1.]]), float("inf"), 2))
print(F.lp_pool2d(torch.tensor([[[1., -3.], [2., -1.]]]), -float("inf"), 2))
print(F.lp_pool1d(torch.tensor([[1., 0., 0., 0.]], requires_grad=True), 2, 2))
m = nn.LPPool2d(2, 2)
print(m, type(m), m(torch.arange(16.).reshape(1, 4, 4)))
m1 = nn.LPPool1d(3, 2, stride=1)
print(m1, type(m1), m1(torch.tensor([[1., 2., 3.]])))
print(nn.LPPool2d(1.5, (2, 3), stride=1, ceil_mode=True))
t(lambda: F.lp_pool1d(torch.ones(1, 1, 2), 2, 3))
t(lambda: F.lp_pool2d(torch.ones(4, 4), 2, 2))
t(lambda: F.lp_pool1d(torch.ones(1, 4, dtype=torch.int64), 2, 2))
t(lambda: F.lp_pool2d(torch.ones(1, 4, 4), 2, 0))
""",
        (
            "tensor([[[3.7390, 1.5280]]], grad_fn=<PowBackward0>) ['PowBackward0', 'MulBackward0', 'MulBackward0', 'SignBackward0', 'SqueezeBackward1', 'AvgPool2DBackward0', 'UnsqueezeBackward0', 'PowBackward0', 'AccumulateGrad']\n"  # noqa: E501
            'tensor([[[0.6262, 0.6444, 0.4389, 0.4864, 0.3541, 0.7988, 0.0000, 0.0000]]])\n'
            'tensor([[[3.7709, 3.2437, 1.9596, 1.0256, 1.4503, 2.7323, 3.6925]]],\n'
            '       grad_fn=<PowBackward0>) tensor([[[3.1495, 1.3365, 3.3677]]], grad_fn=<PowBackward0>)\n'
            'tensor([[[4.2520, 2.0514],\n'
            "         [4.6090, 1.4207]]], grad_fn=<PowBackward0>) ['PowBackward0', 'MulBackward0', 'MulBackward0', 'SignBackward0', 'AvgPool2DBackward0', 'PowBackward0', 'AccumulateGrad']\n"  # noqa: E501
            'tensor([[[4.4000, 3.4806, 1.5677, 0.4200, 1.0927, 2.9673],\n'
            '         [4.3203, 3.9078, 2.1090, 0.5777, 0.7219, 2.4089],\n'
            '         [4.0877, 4.2149, 2.6735, 0.8806, 0.4847, 1.8497],\n'
            '         [3.7206, 4.3774, 3.2162, 1.3045, 0.4001, 1.3343]]])\n'
            'tensor([[[8.0544, 5.5326, 2.3372, 1.4062, 3.5954],\n'
            '         [8.2654, 6.4526, 3.1204, 1.3325, 2.7325],\n'
            '         [8.2003, 7.2410, 4.0374, 1.5350, 2.0344]]], grad_fn=<PowBackward0>) tensor([[[2.8816, 1.1287, 1.6298],\n'  # noqa: E501
            '         [2.9140, 1.7826, 0.9833]]], grad_fn=<PowBackward0>)\n'
            'tensor([[3.1623, 2.2361]]) tensor([[-2.]])\n'
            'tensor([[3., 2.]])\n'
            'tensor([[[1.]]])\n'
            'tensor([[1., 0.]], grad_fn=<PowBackward0>)\n'
            "LPPool2d(norm_type=2, kernel_size=2, stride=None, ceil_mode=False) <class 'torch.nn.modules.pooling.LPPool2d'> tensor([[[ 6.4807,  9.8995],\n"  # noqa: E501
            '         [21.4009, 25.3377]]])\n'
            "LPPool1d(norm_type=3, kernel_size=2, stride=1, ceil_mode=False) <class 'torch.nn.modules.pooling.LPPool1d'> tensor([[2.0801, 3.2711]])\n"  # noqa: E501
            'LPPool2d(norm_type=1.5, kernel_size=(2, 3), stride=1, ceil_mode=True)\n'
            'RuntimeError Given input size: (1x1x2). Calculated output size: (1x1x0). Output size is too small\n'  # noqa: E501
            'IndexError Dimension out of range (expected to be in range of [-2, 1], but got -3)\n'
            'tensor([[1.4142, 1.4142]])\n'
            'RuntimeError stride should not be zero\n'
        ),
    ),
    # F.unfold/F.fold and nn.Unfold/nn.Fold: Im2ColBackward0 and Col2ImBackward0 (each the other's gradient),
    # unbatched and empty inputs, kernel/dilation/padding/stride, and PyTorch's checks in its order.
    "fold_unfold": (
        r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
x = torch.arange(18.).reshape(1, 2, 3, 3).requires_grad_()
u = F.unfold(x, 2)
print(u, u.grad_fn)
(u * torch.arange(32.).reshape(1, 8, 4)).sum().backward()
print(x.grad)
f = F.fold(u, (3, 3), 2)
print(f, f.grad_fn, f.grad_fn.next_functions[0][0])
c = torch.arange(48.).reshape(1, 6, 8).sin().requires_grad_()
out = F.fold(c, (3, 4), (1, 3), dilation=1, padding=(0, 1), stride=(2, 1))
print(out)
out.pow(2).sum().backward()
print(c.grad)
img = torch.arange(50.).reshape(2, 1, 5, 5)
print(F.unfold(img, (2, 3), dilation=(2, 1), padding=1, stride=(3, 2)))
print(F.unfold(img[0], [3, 2], stride=2).shape, F.fold(torch.ones(4, 4), 3, 2).shape)
print(F.unfold(torch.ones(1, 1, 2, 2, dtype=torch.float64), 1), F.fold(torch.ones(1, 4, 1) > 0, 2, 2))
print(F.unfold(torch.ones(0, 1, 3, 3), 2), F.fold(torch.ones(0, 4, 4), (3, 3), 2).shape)
blocks = F.unfold(img, 2, stride=1)
print(torch.equal(F.fold(blocks, 5, 2) / F.fold(torch.ones_like(blocks), 5, 2), img))
unfold, fold = nn.Unfold(2), nn.Fold((3, 3), 2)
print(unfold, fold, type(unfold), type(fold))
print(nn.Unfold((2, 3), dilation=2, padding=1, stride=(1, 2)), fold(unfold(x.detach())))
x = torch.ones(1, 1, 3, 3)
t(lambda: F.unfold(torch.ones(3, 3), 2))
t(lambda: F.unfold(torch.ones(3), 2))
t(lambda: F.unfold(torch.ones(1, 1, 1, 3, 3), 2))
t(lambda: F.unfold(x, 4))
t(lambda: F.unfold(x, 0, dilation=0, padding=-1, stride=0))
t(lambda: F.unfold(x, 1, dilation=0, padding=-1, stride=0))
t(lambda: F.unfold(x, 1, dilation=1, padding=-1, stride=0))
t(lambda: F.unfold(x, 1, stride=0))
t(lambda: F.unfold(x, (2, 2, 2), dilation=(1, 1, 1)))
t(lambda: F.unfold(x, 2, stride=(1, 1, 1)))
t(lambda: F.unfold(x, 2.0))
t(lambda: F.unfold(torch.ones(1, 1, 3, 3, dtype=torch.int64), 2))
t(lambda: F.unfold(torch.ones(1, 0, 3, 3), 2))
c = torch.ones(1, 4, 4)
t(lambda: F.fold(c, 3, 0, dilation=0, padding=-1, stride=0))
t(lambda: F.fold(c, 3, 1, dilation=0, padding=-1, stride=0))
t(lambda: F.fold(c, 3, 1, dilation=0, padding=-1))
t(lambda: F.fold(c, 3, 1, padding=-1))
t(lambda: F.fold(c, (3, 3, 3), 2))
t(lambda: F.fold(c, 3, (2, 2, 2)))
t(lambda: F.fold(c, (3, 2.5), 2))
t(lambda: F.fold(torch.ones(1, 5, 4), (3, 3), 2))
t(lambda: F.fold(torch.ones(1, 4, 3), (3, 3), 2))
t(lambda: F.fold(c, (1, 1), 2))
t(lambda: F.fold(torch.ones(4), (3, 3), 2))
t(lambda: F.fold(torch.ones(1, 4, 0), (3, 3), 2))
t(lambda: F.fold(torch.ones(1, 4, 4, dtype=torch.int32), (3, 3), 2))
""",
        (
            'tensor([[[ 0.,  1.,  3.,  4.],\n'
            '         [ 1.,  2.,  4.,  5.],\n'
            '         [ 3.,  4.,  6.,  7.],\n'
            '         [ 4.,  5.,  7.,  8.],\n'
            '         [ 9., 10., 12., 13.],\n'
            '         [10., 11., 13., 14.],\n'
            '         [12., 13., 15., 16.],\n'
            '         [13., 14., 16., 17.]]], grad_fn=<Im2ColBackward0>) <Im2ColBackward0 object at 0x…>\n'
            'tensor([[[[ 0.,  5.,  5.],\n'
            '          [10., 30., 20.],\n'
            '          [10., 25., 15.]],\n'
            '\n'
            '         [[16., 37., 21.],\n'
            '          [42., 94., 52.],\n'
            '          [26., 57., 31.]]]])\n'
            'tensor([[[[ 0.,  2.,  2.],\n'
            '          [ 6., 16., 10.],\n'
            '          [ 6., 14.,  8.]],\n'
            '\n'
            '         [[ 9., 20., 11.],\n'
            '          [24., 52., 28.],\n'
            '          [15., 32., 17.]]]], grad_fn=<Col2ImBackward0>) <Col2ImBackward0 object at 0x…> <Im2ColBackward0 object at 0x…>\n'  # noqa: E501
            'tensor([[[[ 1.8308,  1.0335, -1.3643, -1.7510],\n'
            '          [ 0.0000,  0.0000,  0.0000,  0.0000],\n'
            '          [-1.4955,  1.0537,  2.4842,  0.6414]],\n'
            '\n'
            '         [[ 0.4191,  2.5076,  1.3268, -1.3447],\n'
            '          [ 0.0000,  0.0000,  0.0000,  0.0000],\n'
            '          [-1.6554, -1.6139,  0.7432,  1.8656]]]], grad_fn=<Col2ImBackward0>)\n'
            'tensor([[[ 0.0000,  3.6617,  2.0670, -2.7286,  0.0000, -2.9910,  2.1074,\n'
            '           4.9685],\n'
            '         [ 3.6617,  2.0670, -2.7286, -3.5020, -2.9910,  2.1074,  4.9685,\n'
            '           1.2829],\n'
            '         [ 2.0670, -2.7286, -3.5020,  0.0000,  2.1074,  4.9685,  1.2829,\n'
            '           0.0000],\n'
            '         [ 0.0000,  0.8381,  5.0152,  2.6537,  0.0000, -3.3108, -3.2277,\n'
            '           1.4865],\n'
            '         [ 0.8381,  5.0152,  2.6537, -2.6894, -3.3108, -3.2277,  1.4865,\n'
            '           3.7312],\n'
            '         [ 5.0152,  2.6537, -2.6894,  0.0000, -3.2277,  1.4865,  3.7312,\n'
            '           0.0000]]])\n'
            'tensor([[[ 0.,  0.,  0.,  0., 11., 13.],\n'
            '         [ 0.,  0.,  0., 10., 12., 14.],\n'
            '         [ 0.,  0.,  0., 11., 13.,  0.],\n'
            '         [ 0.,  6.,  8.,  0., 21., 23.],\n'
            '         [ 5.,  7.,  9., 20., 22., 24.],\n'
            '         [ 6.,  8.,  0., 21., 23.,  0.]],\n'
            '\n'
            '        [[ 0.,  0.,  0.,  0., 36., 38.],\n'
            '         [ 0.,  0.,  0., 35., 37., 39.],\n'
            '         [ 0.,  0.,  0., 36., 38.,  0.],\n'
            '         [ 0., 31., 33.,  0., 46., 48.],\n'
            '         [30., 32., 34., 45., 47., 49.],\n'
            '         [31., 33.,  0., 46., 48.,  0.]]])\n'
            'torch.Size([6, 4]) torch.Size([1, 3, 3])\n'
            'tensor([[[1., 1., 1., 1.]]], dtype=torch.float64) tensor([[[[True, True],\n'
            '          [True, True]]]])\n'
            'tensor([], size=(0, 4, 4)) torch.Size([0, 1, 3, 3])\n'
            'True\n'
            "Unfold(kernel_size=2, dilation=1, padding=0, stride=1) Fold(output_size=(3, 3), kernel_size=2, dilation=1, padding=0, stride=1) <class 'torch.nn.modules.fold.Unfold'> <class 'torch.nn.modules.fold.Fold'>\n"  # noqa: E501
            'Unfold(kernel_size=(2, 3), dilation=2, padding=1, stride=(1, 2)) tensor([[[[ 0.,  2.,  2.],\n'
            '          [ 6., 16., 10.],\n'
            '          [ 6., 14.,  8.]],\n'
            '\n'
            '         [[ 9., 20., 11.],\n'
            '          [24., 52., 28.],\n'
            '          [15., 32., 17.]]]])\n'
            'IndexError Dimension out of range (expected to be in range of [-2, 1], but got 2)\n'
            'IndexError Dimension out of range (expected to be in range of [-1, 0], but got 1)\n'
            'RuntimeError Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: [1, 1, 1, 3, 3]\n'  # noqa: E501
            'RuntimeError Given input with spatial size (3, 3), kernel_size=(4, 4), dilation=(1, 1), padding=(0, 0), calculated shape of the array of sliding blocks as (0, 0), but its components must be at least one.\n'  # noqa: E501
            'RuntimeError kernel size should be greater than zero, but got kernel_height: 0 kernel_width: 0\n'
            'RuntimeError dilation should be greater than zero, but got dilation_height: 0 dilation_width: 0\n'  # noqa: E501
            'RuntimeError padding should be non-negative, but got pad_height: -1 pad_width: -1\n'
            'RuntimeError stride should be greater than zero, but got stride_height: 0 stride_width: 0\n'
            'RuntimeError It is expected kernel_size equals to 2, but got size 3\n'
            'RuntimeError It is expected stride equals to 2, but got size 3\n'
            "TypeError im2col(): argument 'kernel_size' (position 2) must be tuple of ints, but found element of type float at pos 0\n"  # noqa: E501
            'NotImplementedError "im2col_out_cpu" not implemented for \'Long\'\n'
            'RuntimeError Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: [1, 0, 3, 3]\n'  # noqa: E501
            'RuntimeError kernel size should be greater than zero, but got kernel_height: 0 kernel_width: 0\n'
            'RuntimeError stride should be greater than zero, but got stride_height: 0 stride_width: 0\n'
            'RuntimeError dilation should be greater than zero, but got dilation_height: 0 dilation_width: 0\n'  # noqa: E501
            'RuntimeError padding should be non-negative, but got pad_height: -1 pad_width: -1\n'
            'RuntimeError It is expected output_size equals to 2, but got size 3\n'
            'RuntimeError It is expected kernel_size equals to 2, but got size 3\n'
            'TypeError col2im(): argument \'output_size\' failed to unpack the object at pos 2 with error "type must be tuple of ints,but got float"\n'  # noqa: E501
            "RuntimeError Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got input.size(1)=5 and kernel_size=(2, 2).\n"  # noqa: E501
            "RuntimeError Given output_size=(3, 3), kernel_size=(2, 2), dilation=(1, 1), padding=(0, 0), stride=(1, 1), expected size of input's dimension 2 to match the calculated number of sliding blocks 2 * 2 = 4, but got input.size(2)=3.\n"  # noqa: E501
            "RuntimeError Given output_size=(1, 1), kernel_size=(2, 2), dilation=(1, 1), padding=(0, 0), stride=(1, 1), expected size of input's dimension 2 to match the calculated number of sliding blocks 0 * 0 = 0, but got input.size(2)=4.\n"  # noqa: E501
            'RuntimeError Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero dimensions for input, but got: [4]\n'  # noqa: E501
            'RuntimeError Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero dimensions for input, but got: [1, 4, 0]\n'  # noqa: E501
            'NotImplementedError "col2im_out_cpu" not implemented for \'Int\'\n'
        ),
    ),
    # torch.group_norm (no dimension or batch-size checks of F's, an IndexError below 2-D instead)
    # and torch.rms_norm, as PyTorch has them.
    "torch_group_and_rms_norm": (
        r"""
import torch
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
x = torch.arange(24.).reshape(2, 4, 3).sin().requires_grad_()
y = torch.group_norm(x, 2, None, None, 1e-5, True)
print(y, y.grad_fn)
print(torch.group_norm(torch.ones(1, 4), 4), torch.group_norm(x, 4, torch.ones(4), torch.zeros(4)).shape)
r = torch.rms_norm(x, [3], torch.tensor([1., 2., 3.]), 1e-3)
print(r, r.grad_fn)
t(lambda: torch.group_norm(torch.ones(4), 2))
t(lambda: torch.group_norm(x, 2.0))
t(lambda: torch.group_norm(x, 3))
t(lambda: torch.rms_norm(x, 3))
""",
        (
            'tensor([[[-0.0412,  1.1405,  1.2358],\n'
            '         [ 0.1570, -1.1041, -1.3880],\n'
            '         [-0.4547,  0.8818,  1.3562],\n'
            '         [ 0.5323, -0.8324, -1.4832]],\n'
            '\n'
            '        [[-0.8431,  0.5418,  1.3676],\n'
            '         [ 0.8750, -0.4832, -1.4581],\n'
            '         [-1.1664,  0.1472,  1.2599],\n'
            '         [ 1.1487, -0.0842, -1.3053]]], grad_fn=<NativeGroupNormBackward0>) <NativeGroupNormBackward0 object at 0x…>\n'  # noqa: E501
            'tensor([[0., 0., 0., 0.]]) torch.Size([2, 4, 3])\n'
            'tensor([[[ 0.0000,  2.3505,  3.8100],\n'
            '         [ 0.1986, -2.1298, -4.0479],\n'
            '         [-0.3963,  1.8635,  4.2094],\n'
            '         [ 0.5890, -1.5550, -4.2875]],\n'
            '\n'
            '        [[-0.7721,  1.2092,  4.2765],\n'
            '         [ 0.9409, -0.8331, -4.1731],\n'
            '         [-1.0904,  0.4352,  3.9768],\n'
            '         [ 1.2164, -0.0257, -3.6910]]], grad_fn=<MulBackward0>) <MulBackward0 object at 0x…>\n'
            'IndexError Dimension out of range (expected to be in range of [-1, 0], but got 1)\n'
            "TypeError group_norm(): argument 'num_groups' (position 2) must be int, not float\n"
            'RuntimeError Expected number of channels in input to be divisible by num_groups, but got input of shape [2, 4, 3] and num_groups=3\n'  # noqa: E501
            "TypeError rms_norm(): argument 'normalized_shape' (position 2) must be tuple of ints, not int\n"
        ),
    ),
    # F.max_pool1d/2d_with_indices and F.adaptive_max_pool1d/2d_with_indices: always (values, indices),
    # whatever return_indices says, as PyTorch's functional forms.
    "pool_with_indices": (
        r"""
import torch
import torch.nn.functional as F
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
x = torch.tensor([[[3., 1., 4., 1., 5., 9., 2., 6.]]], requires_grad=True)
v, i = F.max_pool1d_with_indices(x, 2)
print(v, i)
print(F.max_pool1d_with_indices(x, 3, stride=2, padding=1, return_indices=False))
print(F.max_pool1d_with_indices(torch.tensor([[5, 2, 7, 7]]), 2))
img = x.view(1, 2, 4)
print(F.max_pool2d_with_indices(img, (2, 2)), F.max_pool2d_with_indices(img, 2, 1, ceil_mode=True))
print(F.adaptive_max_pool1d_with_indices(x, 3), F.adaptive_max_pool2d_with_indices(img, (1, 3)))
print(type(F.adaptive_max_pool2d_with_indices(img, 1, return_indices=False)))
t(lambda: F.max_pool2d_with_indices(torch.ones(4), 2))
t(lambda: F.adaptive_max_pool1d_with_indices(torch.ones(4), 2))
""",
        (
            'tensor([[[3., 4., 9., 6.]]], grad_fn=<SqueezeBackward1>) tensor([[[0, 2, 5, 7]]])\n'
            '(tensor([[[3., 4., 9., 9.]]], grad_fn=<SqueezeBackward1>), tensor([[[0, 2, 5, 5]]]))\n'
            '(tensor([[5, 7]]), tensor([[0, 2]]))\n'
            '(tensor([[[9., 6.]]], grad_fn=<MaxPool2DWithIndicesBackward0>), tensor([[[5, 7]]])) (tensor([[[9., 9., 6.]]], grad_fn=<MaxPool2DWithIndicesBackward0>), tensor([[[5, 5, 7]]]))\n'  # noqa: E501
            '(tensor([[[4., 9., 9.]]], grad_fn=<SqueezeBackward1>), tensor([[[2, 5, 5]]])) (tensor([[[9., 9., 6.]]], grad_fn=<AdaptiveMaxPool2DBackward0>), tensor([[[5, 5, 7]]]))\n'  # noqa: E501
            "<class 'tuple'>\n"
            'RuntimeError non-empty 3D or 4D (batch mode) tensor expected for input\n'
            "RuntimeError Expected 2 to 3 dimensions, but got 1-dimensional tensor for argument #1 'self' (while checking arguments for adaptive_max_pool1d)\n"  # noqa: E501
        ),
    ),
    # Loss layers take any reduction when built and refuse a wrong one when called, as PyTorch's;
    # torch.gt(2, x), fmod(2, x) and logical ops given numbers are refused in PyTorch's words.
    "loss_reductions_and_tensor_first_refusals": (
        r"""
import torch
import torch.nn as nn

x = torch.ones(2)
layers = [nn.MSELoss(reduction="bad"), nn.L1Loss(reduction="bad"), nn.SmoothL1Loss(reduction="bad"),
          nn.HuberLoss(reduction="bad"), nn.BCEWithLogitsLoss(reduction="bad")]
print(layers)
for layer in layers:
    try:
        layer(x, x)
    except ValueError as error:
        print(type(error).__name__, error)
for layer in (nn.CrossEntropyLoss(reduction="bad"), nn.NLLLoss(reduction="bad")):
    try:
        layer(torch.ones(2, 3), torch.tensor([0, 1]))
    except ValueError as error:
        print(layer, type(error).__name__, error)
x = torch.tensor([1., 2.])
calls = (lambda: torch.gt(2, x), lambda: torch.eq(2., x), lambda: torch.fmod(2, x), lambda: torch.le(True, x),
         lambda: torch.logical_and(x, True), lambda: x.logical_or(1), lambda: torch.logical_xor(1, x))
for call in calls:
    try:
        call()
    except TypeError as error:
        print(type(error).__name__, error)
print(torch.gt(x, 1), torch.logical_and(x, x > 1), 2 < x, torch.fmod(x, 2))
""",
        (
            '[MSELoss(), L1Loss(), SmoothL1Loss(), HuberLoss(), BCEWithLogitsLoss()]\n'
            'ValueError bad is not a valid value for reduction\n'
            'ValueError bad is not a valid value for reduction\n'
            'ValueError bad is not a valid value for reduction\n'
            'ValueError bad is not a valid value for reduction\n'
            'ValueError bad is not a valid value for reduction\n'
            'CrossEntropyLoss() ValueError bad is not a valid value for reduction\n'
            'NLLLoss() ValueError bad is not a valid value for reduction\n'
            'TypeError gt() received an invalid combination of arguments - got (int, Tensor), but expected one of:\n'  # noqa: E501
            ' * (Tensor input, Tensor other, *, Tensor out = None)\n'
            ' * (Tensor input, Number other, *, Tensor out = None)\n'
            '\n'
            'TypeError eq() received an invalid combination of arguments - got (float, Tensor), but expected one of:\n'  # noqa: E501
            ' * (Tensor input, Tensor other, *, Tensor out = None)\n'
            ' * (Tensor input, Number other, *, Tensor out = None)\n'
            '\n'
            'TypeError fmod() received an invalid combination of arguments - got (int, Tensor), but expected one of:\n'  # noqa: E501
            ' * (Tensor input, Tensor other, *, Tensor out = None)\n'
            ' * (Tensor input, Number other, *, Tensor out = None)\n'
            '\n'
            'TypeError le() received an invalid combination of arguments - got (bool, Tensor), but expected one of:\n'  # noqa: E501
            ' * (Tensor input, Tensor other, *, Tensor out = None)\n'
            ' * (Tensor input, Number other, *, Tensor out = None)\n'
            '\n'
            "TypeError logical_and(): argument 'other' (position 2) must be Tensor, not bool\n"
            "TypeError logical_or(): argument 'other' (position 1) must be Tensor, not int\n"
            "TypeError logical_xor(): argument 'input' (position 1) must be Tensor, not int\n"
            'tensor([False,  True]) tensor([False,  True]) tensor([False, False]) tensor([1., 0.])\n'
        ),
    ),
    # put and put_ (PutBackward0: the overwritten places pass no gradient to the input, accumulate adds),
    # negative positions, torch.put, and PyTorch's refusals in its order.
    "put_and_put_as_pytorchs": (
        r"""
import torch

x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
s = torch.tensor([9., 8.], requires_grad=True)
y = x.put(torch.tensor([0, 3]), s)
print(y, y.grad_fn, y.grad_fn.next_functions)
y.sum().backward()
print(x.grad, s.grad)
x.grad = None
s.grad = None
y = x.put(torch.tensor([0, 0]), s, accumulate=True)
print(y)
(y * torch.tensor([[2., 1.], [1., 1.]])).sum().backward()
print(x.grad, s.grad)
z = x.clone()
print(z.put_(torch.tensor([-1]), torch.tensor([5.])), z.grad_fn)
print(torch.put(torch.zeros(3), torch.tensor([1]), torch.tensor([2.])))
five, longs = torch.tensor([5.]), torch.tensor([5])
bad_calls = (
    lambda: x.clone().put_(torch.tensor([4]), five),
    lambda: x.clone().put_(torch.tensor([1.]), five),
    lambda: x.clone().put_(torch.tensor([1, 2]), five),
    lambda: x.clone().put_(torch.tensor([1]), longs),
)
for call in bad_calls:
    try:
        call()
    except (IndexError, RuntimeError) as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([[9., 2.],\n'
            '        [3., 8.]], grad_fn=<PutBackward0>) <PutBackward0 object at 0x…> ((<AccumulateGrad object at 0x…>, 0), (<AccumulateGrad object at 0x…>, 0))\n'  # noqa: E501
            'tensor([[0., 1.],\n'
            '        [1., 0.]]) tensor([1., 1.])\n'
            'tensor([[18.,  2.],\n'
            '        [ 3.,  4.]], grad_fn=<PutBackward0>)\n'
            'tensor([[2., 1.],\n'
            '        [1., 1.]]) tensor([2., 2.])\n'
            'tensor([[1., 2.],\n'
            '        [3., 5.]], grad_fn=<PutBackward0>) <PutBackward0 object at 0x…>\n'
            'tensor([0., 2., 0.])\n'
            'IndexError out of range: tried to access index 4 on a tensor of 4 elements.\n'
            'RuntimeError put_(): Expected a long tensor for index, but got Float\n'
            'IndexError put_(): Expected source and index to have the same number of elements, but got source.numel() = 1, index.numel() = 2\n'  # noqa: E501
            'RuntimeError put_(): self and source expected to have the same dtype, but got self.dtype = Float and source.dtype = Long\n'  # noqa: E501
        ),
    ),
    # fill_diagonal_ through a diagonal view (CopySlices on the tensor, no gradient where it wrote), wide,
    # tall, cube and wrapped matrices, and PyTorch's refusals.
    "fill_diagonal_as_pytorchs": (
        r"""
import torch

x = torch.arange(9.).view(3, 3).requires_grad_()
y = x.clone()
print(y.fill_diagonal_(0.5), y.grad_fn)
y.sum().backward()
print(x.grad)
print(torch.ones(2, 4).fill_diagonal_(7), torch.ones(4, 2).fill_diagonal_(7))
print(torch.zeros(2, 2, 2).fill_diagonal_(1))
print(torch.zeros(7, 2).fill_diagonal_(3, wrap=True), torch.zeros(7, 3).fill_diagonal_(3, wrap=True))
for call in (lambda: torch.ones(3).fill_diagonal_(1), lambda: torch.ones(2, 3, 3).fill_diagonal_(1)):
    try:
        call()
    except RuntimeError as error:
        print(type(error).__name__, error)
""",
        (
            'tensor([[0.5000, 1.0000, 2.0000],\n'
            '        [3.0000, 0.5000, 5.0000],\n'
            '        [6.0000, 7.0000, 0.5000]], grad_fn=<CopySlices>) <CopySlices object at 0x…>\n'
            'tensor([[0., 1., 1.],\n'
            '        [1., 0., 1.],\n'
            '        [1., 1., 0.]])\n'
            'tensor([[7., 1., 1., 1.],\n'
            '        [1., 7., 1., 1.]]) tensor([[7., 1.],\n'
            '        [1., 7.],\n'
            '        [1., 1.],\n'
            '        [1., 1.]])\n'
            'tensor([[[1., 0.],\n'
            '         [0., 0.]],\n'
            '\n'
            '        [[0., 0.],\n'
            '         [0., 1.]]])\n'
            'tensor([[3., 0.],\n'
            '        [0., 3.],\n'
            '        [0., 0.],\n'
            '        [3., 0.],\n'
            '        [0., 3.],\n'
            '        [0., 0.],\n'
            '        [3., 0.]]) tensor([[3., 0., 0.],\n'
            '        [0., 3., 0.],\n'
            '        [0., 0., 3.],\n'
            '        [0., 0., 0.],\n'
            '        [3., 0., 0.],\n'
            '        [0., 3., 0.],\n'
            '        [0., 0., 3.]])\n'
            'RuntimeError dimensions must larger than 1\n'
            'RuntimeError all dimensions of input must be of equal length\n'
        ),
    ),
}
# fmt: on


@pytest.mark.parametrize("name", sorted(CASES))
def test_prints_what_pytorch_printed(name):
    code, printed = CASES[name]
    assert run_as_torch(code) == printed
