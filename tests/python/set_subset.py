# Subset/superset/disjoint tests and comparison operators.
a = {1, 2}
b = {1, 2, 3}
print(a.issubset(b), b.issuperset(a), a <= b, a < b, b < b, b <= b, a >= b)
print(a.isdisjoint({3, 4}), a.isdisjoint(b))
print({1, 2} == {2, 1}, {1} != {1, 2}, set() <= a)
print(a.issubset([1, 2, 5]))
