# iter() and next(), with a default; iter() on iterators returns itself.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
s = iter("ab")
print(next(s), iter(s) is s, list(s))
d = iter({"x": 1, "y": 2})
print(list(d))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
r = iter(range(3))
print(sum(r), next(r, "empty"))
