"""``torch.nn``: modules, parameters, losses, ``functional`` and ``init``."""

from engine.nn import functional, init, utils
from engine.nn.activation_extra import ELU, GELU, Hardtanh, Softmax2d, Softplus, Threshold
from engine.nn.activation_more import (
    CELU,
    GLU,
    SELU,
    Hardshrink,
    Hardsigmoid,
    Hardswish,
    LogSigmoid,
    Mish,
    ReLU6,
    Softmin,
    Softshrink,
    Softsign,
    Tanhshrink,
)
from engine.nn.activation_slopes import PReLU, RReLU
from engine.nn.containers import ModuleDict
from engine.nn.conv import AdaptiveAvgPool2d, AvgPool2d, Conv1d, Conv2d, MaxPool2d
from engine.nn.conv_transpose import ConvTranspose1d, ConvTranspose2d
from engine.nn.distance import CosineSimilarity, PairwiseDistance
from engine.nn.divergence import KLDivLoss
from engine.nn.embedding_bag import EmbeddingBag
from engine.nn.fold import Fold, Unfold
from engine.nn.instancenorm import InstanceNorm1d, InstanceNorm2d
from engine.nn.layers import (
    Dropout,
    Dropout1d,
    Dropout2d,
    Flatten,
    Identity,
    LeakyReLU,
    Linear,
    LogSoftmax,
    ModuleList,
    ReLU,
    Sequential,
    Sigmoid,
    SiLU,
    Softmax,
    Tanh,
    Unflatten,
)
from engine.nn.losses import (
    BCELoss,
    BCEWithLogitsLoss,
    CrossEntropyLoss,
    HuberLoss,
    L1Loss,
    MSELoss,
    NLLLoss,
    SmoothL1Loss,
)
from engine.nn.losses_likelihood import GaussianNLLLoss, PoissonNLLLoss
from engine.nn.losses_margin import CosineEmbeddingLoss, HingeEmbeddingLoss, MarginRankingLoss, SoftMarginLoss
from engine.nn.losses_multi import MultiLabelMarginLoss, MultiLabelSoftMarginLoss, MultiMarginLoss
from engine.nn.losses_triplet import TripletMarginLoss, TripletMarginWithDistanceLoss
from engine.nn.module import Module
from engine.nn.normalization import BatchNorm1d, BatchNorm2d, LayerNorm
from engine.nn.normalization_more import GroupNorm, LocalResponseNorm, RMSNorm
from engine.nn.padding_layers import (
    CircularPad1d,
    CircularPad2d,
    ConstantPad1d,
    ConstantPad2d,
    ReflectionPad1d,
    ReflectionPad2d,
    ReplicationPad1d,
    ReplicationPad2d,
    ZeroPad1d,
    ZeroPad2d,
)
from engine.nn.parameter import Parameter
from engine.nn.parameter_containers import ParameterDict, ParameterList
from engine.nn.pixelshuffle import PixelShuffle, PixelUnshuffle
from engine.nn.pool1d import AdaptiveAvgPool1d, AvgPool1d, MaxPool1d
from engine.nn.pooling_more import (
    AdaptiveMaxPool1d,
    AdaptiveMaxPool2d,
    LPPool1d,
    LPPool2d,
    MaxUnpool1d,
    MaxUnpool2d,
)
from engine.nn.rnn import GRU, LSTM, RNN
from engine.nn.rnn_cells import GRUCell, LSTMCell, RNNCell
from engine.nn.sparse import Embedding
from engine.nn.upsampling import Upsample, UpsamplingBilinear2d, UpsamplingNearest2d
from engine.pickling import present_as

__all__ = [
    "CircularPad1d",
    "CircularPad2d",
    "ConstantPad1d",
    "ConstantPad2d",
    "ReflectionPad1d",
    "ReflectionPad2d",
    "ReplicationPad1d",
    "ReplicationPad2d",
    "ZeroPad1d",
    "ZeroPad2d",
    "Threshold",
    "Softmax2d",
    "EmbeddingBag",
    "GaussianNLLLoss",
    "PoissonNLLLoss",
    "TripletMarginLoss",
    "TripletMarginWithDistanceLoss",
    "MultiLabelMarginLoss",
    "MultiLabelSoftMarginLoss",
    "MultiMarginLoss",
    "CosineEmbeddingLoss",
    "HingeEmbeddingLoss",
    "MarginRankingLoss",
    "SoftMarginLoss",
    "KLDivLoss",
    "GLU",
    "PReLU",
    "RReLU",
    "CosineSimilarity",
    "PairwiseDistance",
    "HuberLoss",
    "SmoothL1Loss",
    "Tanhshrink",
    "Softsign",
    "Softshrink",
    "Softmin",
    "ReLU6",
    "Mish",
    "LogSigmoid",
    "Hardswish",
    "Hardsigmoid",
    "Hardshrink",
    "SELU",
    "CELU",
    "AdaptiveAvgPool1d",
    "AdaptiveAvgPool2d",
    "AdaptiveMaxPool1d",
    "AdaptiveMaxPool2d",
    "AvgPool1d",
    "AvgPool2d",
    "BCELoss",
    "BCEWithLogitsLoss",
    "BatchNorm1d",
    "BatchNorm2d",
    "Conv1d",
    "Conv2d",
    "ConvTranspose1d",
    "ConvTranspose2d",
    "CrossEntropyLoss",
    "Dropout",
    "Dropout1d",
    "Dropout2d",
    "ELU",
    "Embedding",
    "Flatten",
    "Fold",
    "GELU",
    "GRU",
    "GRUCell",
    "GroupNorm",
    "Hardtanh",
    "Identity",
    "InstanceNorm1d",
    "InstanceNorm2d",
    "L1Loss",
    "LPPool1d",
    "LPPool2d",
    "LSTM",
    "LSTMCell",
    "LayerNorm",
    "LeakyReLU",
    "Linear",
    "LocalResponseNorm",
    "LogSoftmax",
    "MSELoss",
    "MaxPool1d",
    "MaxPool2d",
    "MaxUnpool1d",
    "MaxUnpool2d",
    "Module",
    "ModuleDict",
    "ModuleList",
    "NLLLoss",
    "Parameter",
    "ParameterDict",
    "ParameterList",
    "PixelShuffle",
    "PixelUnshuffle",
    "RMSNorm",
    "RNN",
    "RNNCell",
    "ReLU",
    "Sequential",
    "SiLU",
    "Sigmoid",
    "Softmax",
    "Softplus",
    "Tanh",
    "Unflatten",
    "Unfold",
    "Upsample",
    "UpsamplingBilinear2d",
    "UpsamplingNearest2d",
    "functional",
    "init",
    "utils",
]

# where PyTorch defines each class: type(model) prints <class 'torch.nn.modules.linear.Linear'> as there;
# present_as also records the engine module, where pickle finds the class again
_TORCH_MODULES = {
    "torch.nn.modules.module": (Module,),
    "torch.nn.modules.linear": (Linear, Identity),
    "torch.nn.modules.container": (Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict),
    "torch.nn.modules.activation": (ReLU, Tanh, Sigmoid, SiLU, LeakyReLU, Softmax, LogSoftmax)
    + (GELU, ELU, Softplus, Hardtanh, LogSigmoid, Hardswish, Hardsigmoid, Mish, Softsign, Tanhshrink)
    + (SELU, ReLU6, CELU, Softshrink, Hardshrink, Softmin, GLU, PReLU, RReLU, Threshold, Softmax2d),
    "torch.nn.modules.batchnorm": (BatchNorm1d, BatchNorm2d),
    "torch.nn.modules.normalization": (LayerNorm, GroupNorm, RMSNorm, LocalResponseNorm),
    "torch.nn.modules.instancenorm": (InstanceNorm1d, InstanceNorm2d),
    "torch.nn.modules.sparse": (Embedding, EmbeddingBag),
    "torch.nn.modules.rnn": (RNN, LSTM, GRU, RNNCell, LSTMCell, GRUCell),
    "torch.nn.modules.conv": (Conv1d, Conv2d, ConvTranspose1d, ConvTranspose2d),
    "torch.nn.modules.pooling": (
        MaxPool1d,
        MaxPool2d,
        AvgPool1d,
        AvgPool2d,
        AdaptiveAvgPool1d,
        AdaptiveAvgPool2d,
        AdaptiveMaxPool1d,
        AdaptiveMaxPool2d,
        MaxUnpool1d,
        MaxUnpool2d,
        LPPool1d,
        LPPool2d,
    ),
    "torch.nn.modules.padding": (ZeroPad1d, ZeroPad2d, ConstantPad1d, ConstantPad2d, ReflectionPad1d)
    + (ReflectionPad2d, ReplicationPad1d, ReplicationPad2d, CircularPad1d, CircularPad2d),
    "torch.nn.modules.flatten": (Flatten, Unflatten),
    "torch.nn.modules.fold": (Fold, Unfold),
    "torch.nn.modules.upsampling": (Upsample, UpsamplingNearest2d, UpsamplingBilinear2d),
    "torch.nn.modules.pixelshuffle": (PixelShuffle, PixelUnshuffle),
    "torch.nn.modules.distance": (CosineSimilarity, PairwiseDistance),
    "torch.nn.modules.dropout": (Dropout, Dropout1d, Dropout2d),
    "torch.nn.modules.loss": (MSELoss, L1Loss, BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, NLLLoss)
    + (SmoothL1Loss, HuberLoss, KLDivLoss)
    + (MarginRankingLoss, HingeEmbeddingLoss, SoftMarginLoss, CosineEmbeddingLoss)
    + (MultiLabelMarginLoss, MultiLabelSoftMarginLoss, MultiMarginLoss)
    + (PoissonNLLLoss, GaussianNLLLoss, TripletMarginLoss, TripletMarginWithDistanceLoss),
}
for _where, _classes in _TORCH_MODULES.items():
    for _class in _classes:
        present_as(_class, _where)
