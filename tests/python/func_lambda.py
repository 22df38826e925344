# Lambdas: anonymous single-expression functions.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(list(map(lambda x: x + 1, [1, 2, 3])))
print((lambda *a, **k: (a, k))(1, 2, z=3))
compose = lambda f, g: lambda x: f(g(x))
print(compose(square, add)(5))
print((lambda: "no args")())
print(square.__name__)
