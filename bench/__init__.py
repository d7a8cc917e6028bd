"""Benchmarks of the engine against a hand-written numpy floor and PyTorch (``bench/engine_bench.py``)."""
