# Subset/superset/disjoint tests and comparison operators.
a = {1, 2}
b = {1, 2, 3}
print(a.issubset(b), b.issuperset(a), a <= b, a < b, b < b, b <= b, a >= b)
print(a.isdisjoint({3, 4}), a.isdisjoint(b))
print({1, 2} == {2, 1}, {1} != {1, 2}, set() <= a)
print(a.issubset([1, 2, 5]))
small = set(range(3))
big = set(range(10))
print(small < big, big > small, small.issuperset(small), (big - small).isdisjoint(small))
print(frozenset([1]) <= {1, 2}, {1, 2} >= frozenset([2]))
