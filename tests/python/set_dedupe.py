# set() from iterables removes duplicates; order-preserving dedupe with a seen-set.
data = [5, 3, 5, 1, 3, 9, 1, 5]
print(sorted(set(data)), len(set(data)))
print(sorted(set("mississippi")))
seen = set()
unique = []
for x in data:
    if x not in seen:
        seen.add(x)
        unique.append(x)
print(unique)
print(set(), {1}, len({1, 1.0, True}))
print(sorted({(1, 2), (1, 2), (2, 1)}))
