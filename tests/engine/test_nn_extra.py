"""BatchNorm, LayerNorm, Embedding, the extra activations, buffers and gradient clipping: errors in PyTorch's
words and edge cases, every expected value recorded from PyTorch 2.13 (CPU)."""

from __future__ import annotations

import math

import pytest

import engine as torch
from engine import nn
from engine.nn import functional as F


def close(values, expected, tolerance=1e-7):
    return all(
        math.isclose(a, b, rel_tol=tolerance, abs_tol=tolerance)
        for a, b in zip(values, expected, strict=True)
    )


def test_batch_norm_refuses_a_single_value_per_channel_in_training():
    with pytest.raises(
        ValueError,
        match=r"^Expected more than 1 value per channel when training, got input size "
        r"torch\.Size\(\[1, 3\]\)$",
    ):
        nn.BatchNorm1d(3)(torch.randn(1, 3))


def test_batch_norm_takes_a_single_sample_in_eval():
    assert nn.BatchNorm1d(3).eval()(torch.ones(1, 3)).shape == (1, 3)


def test_batch_norm_names_the_dimensions_it_expects():
    with pytest.raises(ValueError, match=r"^expected 2D or 3D input \(got 4D input\)$"):
        nn.BatchNorm1d(3)(torch.randn(2, 3, 4, 5))
    with pytest.raises(ValueError, match=r"^expected 4D input \(got 2D input\)$"):
        nn.BatchNorm2d(3)(torch.randn(2, 3))


def test_batch_norm_with_the_wrong_channel_count_names_the_running_mean():
    with pytest.raises(RuntimeError, match="^running_mean should contain 4 elements not 3$"):
        nn.BatchNorm1d(3)(torch.randn(2, 4))


def test_running_variance_is_unbiased_and_moves_by_momentum():
    bn = nn.BatchNorm1d(2)
    bn(torch.tensor([[1.0, 2.0], [3.0, 6.0], [5.0, 1.0]]))
    assert close(bn.running_mean.tolist(), [0.30000001192092896, 0.30000001192092896])
    assert close(bn.running_var.tolist(), [1.2999999523162842, 1.600000023841858])
    assert close(bn.eval()(torch.tensor([[1.0, 2.0]]))[0].tolist(), [0.6139382719993591, 1.343963861465454])


def test_momentum_none_keeps_a_cumulative_average():
    bn = nn.BatchNorm1d(2, momentum=None)
    for batch in ([[1.0, 2.0], [3.0, 6.0]], [[0.0, 0.0], [2.0, 4.0]], [[5.0, 1.0], [7.0, 1.0]]):
        bn(torch.tensor(batch))
    assert close(bn.running_mean.tolist(), [3.0, 2.3333332538604736])
    assert close(bn.running_var.tolist(), [2.0, 5.3333330154418945])
    assert bn.num_batches_tracked.item() == 3 and bn.num_batches_tracked.dtype == torch.int64


def test_without_running_stats_eval_still_uses_the_batch_and_state_dict_has_no_buffers():
    bn = nn.BatchNorm1d(2, track_running_stats=False).eval()
    out = bn(torch.tensor([[1.0, 2.0], [3.0, 6.0]]))
    assert close(out[1].tolist(), [0.9999949932098389, 0.9999987483024597])
    assert list(bn.state_dict()) == ["weight", "bias"] and bn.running_mean is None


def test_state_dict_round_trip_restores_the_running_statistics():
    trained = nn.BatchNorm1d(2)
    trained(torch.tensor([[1.0, 2.0], [3.0, 6.0]]))
    fresh = nn.BatchNorm1d(2)
    fresh.load_state_dict(trained.state_dict())
    assert (
        fresh.running_var.tolist() == trained.running_var.tolist() and fresh.num_batches_tracked.item() == 1
    )


def test_double_converts_float_buffers_but_not_the_batch_counter():
    bn = nn.BatchNorm1d(2).double()
    assert bn.running_mean.dtype == torch.float64 and bn.num_batches_tracked.dtype == torch.int64


def test_a_non_persistent_buffer_is_listed_but_not_saved():
    module = nn.Module()
    module.register_buffer("kept", torch.zeros(1))
    module.register_buffer("scratch", torch.zeros(1), persistent=False)
    assert list(module.state_dict()) == ["kept"]
    assert [name for name, _ in module.named_buffers()] == ["kept", "scratch"]


def test_a_buffer_takes_only_a_tensor_or_none():
    bn = nn.BatchNorm1d(2)
    with pytest.raises(
        TypeError, match=r"^cannot assign 'int' as buffer 'running_mean' \(torch\.nn\.Buffer, "
    ):
        bn.running_mean = 3


def test_layer_norm_shows_the_shape_it_expected():
    with pytest.raises(
        RuntimeError,
        match=r"^Given normalized_shape=\[4\], expected input with shape \[\*, 4\], "
        r"but got input of size\[2, 3\]$",
    ):
        nn.LayerNorm(4)(torch.randn(2, 3))


def test_layer_norm_normalises_each_row():
    out = nn.LayerNorm(3)(torch.tensor([[1.0, 2.0, 4.0]]))
    assert close(out[0].tolist(), [-1.06904137134552, -0.26726028323173523, 1.3363018035888672])


def test_embedding_index_past_the_table_is_an_index_error():
    with pytest.raises(IndexError, match="^index out of range in self$"):
        nn.Embedding(5, 2)(torch.tensor([5]))
    with pytest.raises(IndexError, match="^index out of range in self$"):
        nn.Embedding(5, 2)(torch.tensor([-1]))


def test_embedding_refuses_float_indices():
    with pytest.raises(
        RuntimeError,
        match=r"^Expected tensor for argument #1 'indices' to have one of the following "
        r"scalar types: Long, Int; but got torch\.FloatTensor instead \(while checking arguments for "
        r"embedding\)$",
    ):
        nn.Embedding(5, 2)(torch.tensor([1.0]))


def test_embedding_padding_index_must_be_in_the_table():
    with pytest.raises(AssertionError, match="^Padding_idx must be within num_embeddings$"):
        nn.Embedding(5, 2, padding_idx=5)
    assert nn.Embedding(5, 2, padding_idx=-1).padding_idx == 4


def test_the_padding_row_starts_at_zero_and_gets_no_gradient():
    embed = nn.Embedding(4, 2, padding_idx=1)
    assert embed.weight[1].tolist() == [0.0, 0.0]
    embed(torch.tensor([1, 2, 1])).sum().backward()
    assert embed.weight.grad.tolist() == [[0.0, 0.0], [0.0, 0.0], [1.0, 1.0], [0.0, 0.0]]


def test_gelu_exact_and_tanh_approximations():
    x = torch.tensor([-1.0, 0.5, 2.0])
    assert close(F.gelu(x).tolist(), [-0.15865525603294373, 0.3457312285900116, 1.9544997215270996])
    tanh = F.gelu(x, approximate="tanh").tolist()
    assert close(tanh, [-0.15880799293518066, 0.3457140028476715, 1.9545977115631104])


def test_gelu_refuses_an_unknown_approximation():
    with pytest.raises(RuntimeError, match=r"^approximate argument must be either none or tanh\.$"):
        F.gelu(torch.randn(2), approximate="foo")


def test_clip_grad_norm_refuses_a_non_finite_norm_when_asked():
    w = torch.ones(2, requires_grad=True)
    w.grad = torch.tensor([math.nan, 1.0])
    with pytest.raises(
        RuntimeError,
        match=r"^The total norm of order 2\.0 for gradients from `parameters` is "
        r"non-finite, so it cannot be clipped\. To disable this error and scale the gradients by "
        r"the non-finite norm anyway, set `error_if_nonfinite=False`$",
    ):
        nn.utils.clip_grad_norm_([w], 1.0, error_if_nonfinite=True)


def test_clip_grad_norm_scales_to_the_max_norm_and_returns_the_total():
    w = torch.ones(3, dtype=torch.float64, requires_grad=True)
    w.grad = torch.full((3,), 2.0, dtype=torch.float64)
    total = nn.utils.clip_grad_norm_([w], 1.0)
    assert total.dtype == torch.float64 and math.isclose(total.item(), 3.4641016151377544)
    assert close(w.grad.tolist(), [0.5773501025230072] * 3)  # 2/(√12 + 1e-6)


def test_clip_grad_norm_with_no_gradients_returns_zero():
    assert repr(nn.utils.clip_grad_norm_([torch.ones(2, requires_grad=True)], 1.0)) == "tensor(0.)"


def test_clip_grad_value_clamps_each_gradient_in_place():
    w = torch.ones(3, requires_grad=True)
    w.grad = torch.tensor([-3.0, 0.2, 5.0])
    assert nn.utils.clip_grad_value_(w, 1.0) is None
    assert close(w.grad.tolist(), [-1.0, 0.20000000298023224, 1.0])


def test_from_pretrained_keeps_the_table_and_freezes_it():
    embed = nn.Embedding.from_pretrained(torch.tensor([[1.0, 2.0], [3.0, 4.0]]), padding_idx=1)
    assert repr(embed) == "Embedding(2, 2, padding_idx=1)" and not embed.weight.requires_grad
    assert embed.weight.tolist() == [[1.0, 2.0], [3.0, 4.0]]
    with pytest.raises(AssertionError, match="^Embeddings parameter is expected to be 2-dimensional$"):
        nn.Embedding.from_pretrained(torch.ones(3))


def test_functional_batch_norm_in_eval_needs_running_statistics():
    with pytest.raises(RuntimeError, match="^running_mean must be defined in evaluation mode$"):
        F.batch_norm(torch.randn(3, 2), None, None, training=False)


def test_functional_layer_norm_takes_a_shape_not_an_int():
    with pytest.raises(
        TypeError, match=r"^layer_norm\(\): argument 'normalized_shape' \(position 2\) must be "
    ):
        F.layer_norm(torch.randn(3, 2), 2)


def test_batch_norm_parameters_learn_from_an_input_that_needs_no_gradient():
    bn = nn.BatchNorm1d(2)
    x = torch.tensor([[1.0, 2.0], [3.0, 6.0], [5.0, 1.0]])
    (bn(x) * torch.tensor([[1.0, 2.0], [0.5, -1.0], [2.0, 3.0]])).sum().backward()
    assert close(bn.weight.grad.tolist(), [1.2247425317764282, -5.092005252838135])
    assert bn.bias.grad.tolist() == [3.5, 4.0] and x.grad is None
