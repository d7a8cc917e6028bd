"""More views, recorded with the nodes PyTorch records for them: ``swapaxes``/``swapdims`` (a transpose),
``movedim``/``moveaxis`` (a permute), ``ravel``, ``broadcast_to``/``broadcast_tensors`` (expands),
``broadcast_shapes``, ``select`` and ``atleast_1d``/``2d``/``3d``.

Each result shares its input's memory and version counter where PyTorch's does
(``shape_ops._shares_version``), so an in-place change through one shows in the other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engine import shape_ops
from engine.argument_errors import is_int, is_ints, is_tensor, never, no_form_matches
from engine.broadcast_rules import broadcast_shapes as _joined_shapes
from engine.broadcast_rules import joint_shape
from engine.devices import Size
from engine.functions import shape as fn
from engine.shape_ops import _dim, _shares_version
from engine.tensor import Tensor


def swapaxes(input: Tensor, axis0: int, axis1: int) -> Tensor:  # noqa: A002 - PyTorch's names
    """``transpose`` under numpy's name (PyTorch records TransposeBackward0)."""
    return shape_ops.transpose(input, axis0, axis1)


def swapdims(input: Tensor, dim0: int, dim1: int) -> Tensor:  # noqa: A002
    return shape_ops.transpose(input, dim0, dim1)


def movedim(input: Tensor, source: Any, destination: Any) -> Tensor:  # noqa: A002
    """The dimensions ``source`` moved to the places ``destination`` names, the others keeping their order;
    always a permute (of a 0-d tensor: an alias)."""
    if not (is_int(source) and is_int(destination)) and not (is_ints(source) and is_ints(destination)):
        raise no_form_matches(
            "movedim",
            (input, source, destination),
            (
                ("(Tensor input, int source, int destination)", (is_tensor, is_int, is_int)),
                # (PyTorch marks both arguments as not fitting this form, whatever they are)
                (
                    "(Tensor input, tuple of ints source, tuple of ints destination)",
                    (is_tensor, never, never),
                ),
            ),
        )
    sources = [int(source)] if is_int(source) else [int(d) for d in source]
    destinations = [int(destination)] if is_int(destination) else [int(d) for d in destination]
    if len(sources) != len(destinations):
        raise RuntimeError(
            f"movedim: Invalid source or destination dims: source ({sources} dims) should contain the same "
            f"number of dims as destination ({destinations} dims)"
        )
    ndim = input._data.ndim
    for name, given in (("source", sources), ("destination", destinations)):
        dims = [_dim(d, ndim) for d in given]
        if len(set(dims)) != len(dims):
            raise RuntimeError(f"movedim: repeated dim in `{name}` ({given})")
    sources = [_dim(d, ndim) for d in sources]
    destinations = [_dim(d, ndim) for d in destinations]
    if ndim == 0:
        return _shares_version(fn.IndexAliasBackward0.apply(input, index=...), input)
    order = [-1] * ndim
    for moved, place in zip(sources, destinations, strict=True):
        order[place] = moved
    staying = iter(d for d in range(ndim) if d not in sources)
    order = [next(staying) if moved == -1 else moved for moved in order]
    return _shares_version(fn.PermuteBackward0.apply(input, dims=tuple(order)), input)


def ravel(input: Tensor) -> Tensor:  # noqa: A002
    """The elements as one row: a view when they lie in order in memory, else a copy made first."""
    return shape_ops.view(shape_ops.contiguous(input), -1)


def broadcast_to(input: Tensor, size: Any) -> Tensor:  # noqa: A002
    """``input.expand(size)``: sizes 1 stretched, new leading dimensions added (a view)."""
    return shape_ops.expand(input, tuple(size))


def broadcast_shapes(*shapes: Any) -> Size:
    """The shape tensors of these shapes would broadcast to, without making any tensor."""
    return Size(_joined_shapes(*shapes))


def broadcast_tensors(*tensors: Any) -> tuple[Tensor, ...]:
    """Each tensor expanded to the shape they broadcast to together (one already of that shape: itself)."""
    for position, tensor in enumerate(tensors):
        if not isinstance(tensor, Tensor):
            raise TypeError(
                f"expected Tensor as element {position} in argument 0, but got {type(tensor).__name__}"
            )
    joint = joint_shape([tensor._data.shape for tensor in tensors])
    return tuple(t if t._data.shape == joint else shape_ops.expand(t, joint) for t in tensors)


def select(input: Tensor, dim: int, index: int) -> Tensor:  # noqa: A002
    """The slice at ``index`` along ``dim``, that dimension dropped (``x.select(0, i)`` is ``x[i]``)."""
    shape = input._data.shape
    if not shape:
        raise IndexError("select() cannot be applied to a 0-dim tensor.")
    axis = _dim(dim, len(shape))
    index = int(index)
    if not -shape[axis] <= index < shape[axis]:
        raise IndexError(
            f"select(): index {index} out of range for tensor of size {list(shape)} at dimension {axis}"
        )
    where = (slice(None),) * axis + (index % shape[axis],)
    return _shares_version(fn.SelectBackward0.apply(input, index=where), input)


def _at_least(name: str, grow: Callable[[Tensor], Tensor], least: int) -> Callable:
    """``atleast_Nd``: one tensor, or a tuple of them (given as several arguments or as one sequence), each
    with fewer than ``least`` dimensions grown by ``grow``; the others come back as they are."""

    def one(tensor: Any, given: tuple) -> Tensor:
        if not isinstance(tensor, Tensor):
            forms = (
                ("(Tensor input)", (never,) * len(given)),
                ("(tuple of Tensors tensors)", (never,) * len(given)),
            )
            raise no_form_matches(name, given, forms)
        return tensor if tensor._data.ndim >= least else grow(tensor)

    def function(*tensors: Any) -> Any:
        if len(tensors) == 1 and isinstance(tensors[0], list | tuple):
            return tuple(one(tensor, tensors) for tensor in tensors[0])
        if len(tensors) == 1:
            return one(tensors[0], tensors)
        return tuple(one(tensor, tensors) for tensor in tensors)

    function.__name__ = function.__qualname__ = name
    return function


def _grown_to_3d(tensor: Tensor) -> Tensor:
    """A 0-d tensor viewed as [[[x]]]; a row gets a dimension on both sides; a matrix one at the end."""
    if tensor._data.ndim == 0:
        return shape_ops.view(tensor, 1, 1, 1)
    if tensor._data.ndim == 1:
        return shape_ops.unsqueeze(shape_ops.unsqueeze(tensor, 0), -1)
    return shape_ops.unsqueeze(tensor, -1)


atleast_1d = _at_least("atleast_1d", lambda tensor: shape_ops.view(tensor, 1), 1)
atleast_2d = _at_least(
    "atleast_2d",
    lambda t: shape_ops.view(t, 1, 1) if t._data.ndim == 0 else shape_ops.unsqueeze(t, 0),
    2,
)
atleast_3d = _at_least("atleast_3d", _grown_to_3d, 3)


METHODS: dict[str, Callable] = {
    "swapaxes": swapaxes,
    "swapdims": swapdims,
    "swapaxes_": lambda self, axis0, axis1: self.transpose_(axis0, axis1),
    "swapdims_": lambda self, dim0, dim1: self.transpose_(dim0, dim1),
    "movedim": movedim,
    "moveaxis": movedim,
    "ravel": ravel,
    "broadcast_to": broadcast_to,
    "select": select,
}
moveaxis = movedim
