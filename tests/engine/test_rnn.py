"""Recurrent layers as PyTorch's "Sequence Models and LSTMs" tutorial uses them, and what they warn of.

(Outputs, states, gradients and errors of RNN, GRU and LSTM in their variants: ``test_tutorial_parity``.)
"""

from __future__ import annotations

import pytest

import engine as torch
from app.services.sandbox.runner import run_snippet
from tests.engine.test_tutorials import run_as_torch

# the tutorial's code as it is written: an LSTM stepped word by word, then over the whole sequence, and an
# LSTM part-of-speech tagger trained for 300 epochs on two sentences
LSTM_TUTORIAL = r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(1)
lstm = nn.LSTM(3, 3)  # Input dim is 3, output dim is 3
inputs = [torch.randn(1, 3) for _ in range(5)]  # make a sequence of length 5
hidden = (torch.randn(1, 1, 3), torch.randn(1, 1, 3))
for i in inputs:
    out, hidden = lstm(i.view(1, 1, -1), hidden)
inputs = torch.cat(inputs).view(len(inputs), 1, -1)
hidden = (torch.randn(1, 1, 3), torch.randn(1, 1, 3))  # clean out hidden state
out, hidden = lstm(inputs, hidden)
print(out)
print(hidden)

def prepare_sequence(seq, to_ix):
    idxs = [to_ix[w] for w in seq]
    return torch.tensor(idxs, dtype=torch.long)

training_data = [
    ("The dog ate the apple".split(), ["DET", "NN", "V", "DET", "NN"]),
    ("Everybody read that book".split(), ["NN", "V", "DET", "NN"])
]
word_to_ix = {}
for sent, tags in training_data:
    for word in sent:
        if word not in word_to_ix:
            word_to_ix[word] = len(word_to_ix)
print(word_to_ix)
tag_to_ix = {"DET": 0, "NN": 1, "V": 2}
EMBEDDING_DIM = 6
HIDDEN_DIM = 6

class LSTMTagger(nn.Module):
    def __init__(self, embedding_dim, hidden_dim, vocab_size, tagset_size):
        super(LSTMTagger, self).__init__()
        self.hidden_dim = hidden_dim
        self.word_embeddings = nn.Embedding(vocab_size, embedding_dim)
        self.lstm = nn.LSTM(embedding_dim, hidden_dim)
        self.hidden2tag = nn.Linear(hidden_dim, tagset_size)

    def forward(self, sentence):
        embeds = self.word_embeddings(sentence)
        lstm_out, _ = self.lstm(embeds.view(len(sentence), 1, -1))
        tag_space = self.hidden2tag(lstm_out.view(len(sentence), -1))
        tag_scores = F.log_softmax(tag_space, dim=1)
        return tag_scores

model = LSTMTagger(EMBEDDING_DIM, HIDDEN_DIM, len(word_to_ix), len(tag_to_ix))
print(model)
loss_function = nn.NLLLoss()
optimizer = optim.SGD(model.parameters(), lr=0.1)
with torch.no_grad():
    inputs = prepare_sequence(training_data[0][0], word_to_ix)
    tag_scores = model(inputs)
    print(tag_scores)
for epoch in range(300):
    for sentence, tags in training_data:
        model.zero_grad()
        sentence_in = prepare_sequence(sentence, word_to_ix)
        targets = prepare_sequence(tags, tag_to_ix)
        tag_scores = model(sentence_in)
        loss = loss_function(tag_scores, targets)
        loss.backward()
        optimizer.step()
with torch.no_grad():
    inputs = prepare_sequence(training_data[0][0], word_to_ix)
    tag_scores = model(inputs)
    print(tag_scores)
"""
# what PyTorch 2.13 printed. One difference is by design: PyTorch's CPU kernel records each layer's outputs
# as one fused node, MkldnnRnnLayerBackward0; the engine records the steps (the outputs' grad_fn is the
# StackBackward0 that gathers them), so that the graph view shows the cell's arithmetic
PYTORCH_PRINTED = (
    "tensor([[[-0.0187,  0.1713, -0.2944]],\n"
    "\n"
    "        [[-0.3521,  0.1026, -0.2971]],\n"
    "\n"
    "        [[-0.3191,  0.0781, -0.1957]],\n"
    "\n"
    "        [[-0.1634,  0.0941, -0.1637]],\n"
    "\n"
    "        [[-0.3368,  0.0959, -0.0538]]], grad_fn=<MkldnnRnnLayerBackward0>)\n"
    "(tensor([[[-0.3368,  0.0959, -0.0538]]], grad_fn=<StackBackward0>), tensor([[[-0.9825,  0.4715, -0.0633]]], grad_fn=<StackBackward0>))\n"  # noqa: E501
    "{'The': 0, 'dog': 1, 'ate': 2, 'the': 3, 'apple': 4, 'Everybody': 5, 'read': 6, 'that': 7, 'book': 8}\n"
    "LSTMTagger(\n"
    "  (word_embeddings): Embedding(9, 6)\n"
    "  (lstm): LSTM(6, 6)\n"
    "  (hidden2tag): Linear(in_features=6, out_features=3, bias=True)\n"
    ")\n"
    "tensor([[-1.1389, -1.2024, -0.9693],\n"
    "        [-1.1065, -1.2200, -0.9834],\n"
    "        [-1.1286, -1.2093, -0.9726],\n"
    "        [-1.1190, -1.1960, -0.9916],\n"
    "        [-1.0137, -1.2642, -1.0366]])\n"
    "tensor([[-0.0462, -4.0106, -3.6096],\n"
    "        [-4.8205, -0.0286, -3.9045],\n"
    "        [-3.7876, -4.1355, -0.0394],\n"
    "        [-0.0185, -4.7874, -4.6013],\n"
    "        [-5.7881, -0.0186, -4.1778]])\n"
)


def test_the_lstm_tutorial_prints_what_pytorch_printed_but_the_fused_nodes_name() -> None:
    expected = PYTORCH_PRINTED.replace("MkldnnRnnLayerBackward0", "StackBackward0")
    assert expected.count("StackBackward0") == PYTORCH_PRINTED.count("StackBackward0") + 1
    assert run_as_torch(LSTM_TUTORIAL) == expected
    played = run_snippet(LSTM_TUTORIAL, lambda event: None)
    assert played["error"] is None and played["stdout"] == expected


def test_dropout_on_a_single_layer_warns_as_pytorch_does() -> None:
    with pytest.warns(UserWarning, match="but got dropout=0.5 and num_layers=1"):
        torch.nn.LSTM(3, 2, dropout=0.5)


def test_the_graph_of_an_lstm_step_is_its_cells_arithmetic() -> None:
    lstm = torch.nn.LSTM(2, 3)
    out, (h, c) = lstm(torch.ones(1, 1, 2))
    assert type(out.grad_fn).__name__ == "StackBackward0"
    names, pending = set(), [out.grad_fn]
    while pending:  # every node behind the output
        node = pending.pop()
        names.add(type(node).__name__)
        pending += [child for child, _ in node.next_functions if child is not None]
    gates = {"AddmmBackward0", "AddBackward0", "SplitBackward0", "SigmoidBackward0", "TanhBackward0"}
    assert gates | {"MulBackward0", "AccumulateGrad"} <= names
    out.sum().backward()
    assert all(param.grad is not None for param in lstm.parameters())
