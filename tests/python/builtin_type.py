# type() of builtin values prints <class '...'>.
for v in [1, 1.5, "s", True, None, [1], (1,), {1: 2}, {1}, range(2), len, frozenset()]:
    print(type(v), type(v).__name__)
print(type(type), type(int))
class Mine:
    pass
print(type(Mine()), type(Mine).__name__)
print(type(3) is int, type(3.0) is float, type("") is str, type(None) is type(None))
def f():
    pass
print(type(f).__name__, type(lambda: 0).__name__, type(x for x in []).__name__)
print(type(iter([])).__name__, type({}.keys()).__name__, type(zip()).__name__)
