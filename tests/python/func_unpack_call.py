# Argument unpacking at call sites: *iterable and **mapping.
def f(a, b, c=0, d=0):
    return a * 1000 + b * 100 + c * 10 + d
print(f(*[1, 2]), f(*(1, 2, 3)), f(*range(4)))
print(f(1, *[2], **{"d": 4}), f(**{"a": 5, "b": 6, "c": 7}))
print(f(*"", a=1, b=1))
try:
    f(*[1, 2, 3, 4, 5])
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, **{"a": 3})
except TypeError as e:
    print("TypeError:", e)
print(*[1, 2, 3], sep="-")
