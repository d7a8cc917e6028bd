"""Hints in Japanese and English that tell a learner what an error means and what to try next."""

from __future__ import annotations

import difflib
import re

SUPPORTED = {
    "ja": "プレイグラウンドで使えるのは: 代入、if / for / while、def と return "
    "(@torch.no_grad() などのデコレータも)、"
    "class Net(nn.Module) のようなモデルのクラスと class Points(Dataset) のようなデータセットのクラス、"
    "try / except と raise、with torch.no_grad()、print、"
    "f 文字列、リスト・辞書と内包表記、assert、import torch / import math、よく使う組み込み関数です。",
    "en": "The playground runs: assignments, if / for / while, def and return (decorators such as "
    "@torch.no_grad() too), model classes such as "
    "class Net(nn.Module) and dataset classes such as class Points(Dataset), try / except and raise, "
    "with torch.no_grad(), print, f-strings, lists, dicts and "
    "comprehensions, "
    "assert, import torch / import math, and the common builtins.",
}

LIMIT_ADVICE = {
    "SANDBOX_MAX_CODE_BYTES": ("コードを短くしてください。", "Shorten the code."),
    "SANDBOX_MAX_AST_NODES": ("コードを短くしてください。", "Shorten the code."),
    "SANDBOX_MAX_AST_DEPTH": (
        "式の入れ子を浅くし、途中の結果を変数に入れてください。",
        "Nest expressions less deeply: put partial results in variables.",
    ),
    "SANDBOX_MAX_STEPS": (
        "ループの回数を減らしてください。終わらないループになっていませんか。",
        "Loop fewer times — or check that the loop ends.",
    ),
    "SANDBOX_MAX_TENSOR_ELEMENTS": (
        "もっと小さなテンソルで試してください。",
        "Try smaller tensors: the idea is the same at any size.",
    ),
    "SANDBOX_MAX_TOTAL_ELEMENTS": (
        "テンソルを小さくするか、ループの回数を減らしてください。",
        "Use smaller tensors or fewer loop iterations.",
    ),
    "SANDBOX_MAX_INT_BITS": ("もっと小さな整数を使ってください。", "Use smaller integers."),
    "SANDBOX_MAX_SEQUENCE_ITEMS": (
        "もっと短い文字列やリストを使ってください。",
        "Use shorter strings or lists.",
    ),
    "SANDBOX_MAX_STDOUT_BYTES": (
        "print の回数を減らしてください(例: 10 回に 1 回だけ表示)。",
        "Print less — for example every 10th iteration.",
    ),
    "SANDBOX_MAX_GRAPH_NODES": (
        "ループの回数を減らすか、記録の要らない計算を with torch.no_grad(): に入れてください。",
        "Loop fewer times, or put computations that need no graph under torch.no_grad().",
    ),
    "SANDBOX_MAX_CALL_DEPTH": (
        "再帰の深さを減らすか、ループで書き直してください。",
        "Recurse less deeply, or write it as a loop.",
    ),
    "SANDBOX_WALL_SECONDS": (
        "計算を小さくしてください。終わらないループになっていませんか。",
        "Make the computation smaller — or check that every loop ends.",
    ),
    "SANDBOX_MEMORY_BYTES": (
        "もっと小さなテンソルやリストを使ってください。",
        "Use smaller tensors and lists.",
    ),
}


def _both(ja: str, en: str) -> dict[str, str]:
    return {"ja": ja, "en": en}


def _runtime_hint(message: str) -> dict[str, str] | None:
    """Hints for the engine's (PyTorch's) RuntimeErrors, recognised by their wording."""
    if "backward through the graph a second time" in message:
        return _both(
            "backward() は計算グラフをたどったあと、途中の値を解放します。"
            "同じグラフでもう一度 backward() するには、1 回目を "
            "y.backward(retain_graph=True) としてグラフを残してください。"
            "普通は順伝播からやり直します。",
            "backward() frees the graph's saved values once it has walked it. To call backward() on the "
            "same graph again, keep it with y.backward(retain_graph=True) the first time — or recompute "
            "the forward pass.",
        )
    if "does not require grad" in message:
        return _both(
            "勾配を求めたい葉テンソルを torch.tensor(..., requires_grad=True) で作ってください。"
            "torch.no_grad() の中で計算した値にはグラフがありません。",
            "Create the leaf you want gradients for with torch.tensor(..., requires_grad=True). "
            "Values computed under torch.no_grad() have no graph.",
        )
    if "must match the size" in message or "cannot be multiplied" in message or "shape" in message:
        return _both(
            "形 (shape) が合いません。print(x.shape) で両方の形を表示してください。"
            "要素ごとの演算では右から比べて各次元が等しいか 1、"
            "行列積 (m×n)@(n×p) では内側の n が等しい必要があります。",
            "The shapes do not fit. Print both with print(x.shape). Element-wise operations compare sizes "
            "from the right (equal, or 1); a matrix product (m×n)@(n×p) needs the inner sizes n to match.",
        )
    if "leaf Variable that requires grad" in message:
        return _both(
            "requires_grad=True の葉をその場で書き換えるには "
            "with torch.no_grad(): の中で行ってください(オプティマイザの更新と同じです)。",
            "Modify a leaf that requires grad in place only inside with torch.no_grad(): (as optimizers do).",
        )
    if "modified by an inplace operation" in message:
        return _both(
            "backward に必要な値をその場演算 (x += ..., x.zero_() など) で書き換えました。"
            "x = x + ... のように新しいテンソルを作ってください。",
            "An in-place operation (x += ..., x.zero_() ...) changed a value backward needs. "
            "Make a new tensor instead: x = x + ...",
        )
    return None


def hint_for(exc: BaseException, message: str, known_names: list[str]) -> dict[str, str] | None:
    """The hint for ``exc`` (whose reported message is ``message``), or None when there is nothing to add."""
    kind = type(exc).__name__
    if kind == "LimitExceeded":
        ja, en = LIMIT_ADVICE.get(getattr(exc, "limit", ""), ("", ""))
        return _both(f"実行の上限を超えました。{ja}", f"The run went over a limit. {en}")
    if kind == "UnsupportedError":
        return _both(
            f"この書き方はプレイグラウンドでは使えません。{SUPPORTED['ja']}",
            f"This is not available in the playground. {SUPPORTED['en']}",
        )
    if kind == "SyntaxError":
        return _both(
            "Python の文法として読めません。示された行の括弧・コロン・インデントを確かめてください。",
            "This is not valid Python. Check the brackets, colons and indentation on that line.",
        )
    if kind == "NameError":
        found = re.search(r"name '([^']+)'", message)
        if found and found.group(1) == "input":  # a name of user code here, never the builtin: no keyboard
            return _both(
                "プレイグラウンドにはキーボード入力 (input()) がありません。値を変数に代入してください。",
                "The playground has no keyboard input (input()): assign the value to a variable instead.",
            )
        close = difflib.get_close_matches(found.group(1), known_names, n=1) if found else []
        if close:
            return _both(f"もしかして '{close[0]}' ですか?", f"Did you mean '{close[0]}'?")
        return _both("使う前に代入するか import してください。", "Assign or import the name before using it.")
    if "NoneType" in message:
        return _both(
            ".grad が None なのかもしれません。.grad が入るのは requires_grad=True で作った葉テンソルだけで、"
            "それも backward() を呼んだ後です。途中の値の勾配が欲しければ y.retain_grad() を使ってください。",
            "Perhaps .grad is None: only leaves created with requires_grad=True get a .grad, and only after "
            "backward(). For an intermediate value, call y.retain_grad() before backward().",
        )
    if kind == "TypeError" and "as parameter" in message and "torch.nn.Parameter or None expected" in message:
        return _both(
            "モデルの重みに普通のテンソルは代入できません。値だけを変えるなら "
            "with torch.no_grad(): model.weight.copy_(torch.tensor(...)) とするか、"
            "nn.Parameter(torch.tensor(...)) で包んで代入してください。",
            "A model's weight cannot be replaced by a plain tensor. To set its values, use "
            "with torch.no_grad(): model.weight.copy_(torch.tensor(...)) — or assign "
            "nn.Parameter(torch.tensor(...)).",
        )
    if kind == "RuntimeError":
        return _runtime_hint(message)
    return None
