# functools.reduce with and without an initial value.
from functools import reduce
import functools
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]))
print(reduce(lambda a, b: a * b, range(1, 11), 1))
print(reduce(lambda acc, s: acc + s.upper(), ["a", "b", "c"], ">"))
print(functools.reduce(max, [3, 9, 2, 7]))
print(reduce(lambda a, b: a + b, [], 0), reduce(lambda a, b: a + b, [5]))
print(reduce(lambda d, kv: {**d, kv[0]: kv[1]}, [("x", 1), ("y", 2)], {}))
try:
    reduce(lambda a, b: a + b, [])
except TypeError as e:
    print("TypeError:", e)
