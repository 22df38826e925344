# Loop variables remain bound after the loop; loops over various iterables.
for i in range(5):
    pass
print(i)
for ch in "abc":
    pass
print(ch)
for k in {"x": 1, "y": 2}:
    print(k)
for a, b in zip([1, 2, 3], "abc"):
    print(a, b)
for t in (1, "two", 3.0, None):
    print(type(t).__name__)
