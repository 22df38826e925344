# frozenset is immutable and hashable.
f = frozenset([3, 1, 2, 3])
print(sorted(f), len(f), 2 in f)
print(sorted(f | {9}), type(f | {9}).__name__, type({9} | f).__name__)
d = {f: "frozen"}
print(d[frozenset([1, 2, 3])])
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError")
print(frozenset() == set(), frozenset("aa") == {"a"})
print(frozenset(), frozenset([5]))
