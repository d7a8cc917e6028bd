"""One class per differentiable operation, named after PyTorch's ``grad_fn`` classes."""
