# repr of empty, single-element and nested tuples.
print((), (1,), (1, 2), ((1,), (2, 3)), ("a",), (None,))
print(tuple(), type(()).__name__, len(()))
x = (5)
y = (5,)
print(x, y, type(x).__name__, type(y).__name__)
print([(i, i * i) for i in range(3)])
