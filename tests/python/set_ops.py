# Set algebra: | & - ^ (printed sorted).
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [10])), sorted(a.intersection([1, 2, 99])), sorted(a.difference({1})))
print(sorted(a.symmetric_difference(b)))
words = {"pear", "apple", "fig"}
print(sorted(words | {"kiwi"}), sorted(words & {"fig", "plum"}))
print(len(a), 3 in a, 9 in a, 9 not in a)
a |= {100}
a &= {1, 2, 100, 200}
print(sorted(a))
