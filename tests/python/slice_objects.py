# slice objects used explicitly, and their indices().
s = slice(1, 8, 2)
xs = list(range(10))
print(s, s.start, s.stop, s.step)
print(xs[s], "abcdefghij"[s], tuple(xs)[s])
first3 = slice(3)
print(xs[first3], slice(None, None, -1), xs[slice(None, None, -1)])
print(s.indices(5), slice(-3, None).indices(10))
