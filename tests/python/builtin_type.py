# type() of builtin values prints <class '...'>.
for v in [1, 1.5, "s", True, None, [1], (1,), {1: 2}, {1}, range(2), len, frozenset()]:
    print(type(v), type(v).__name__)
print(type(type), type(int))
