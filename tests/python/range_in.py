# Membership tests on ranges.
r = range(1, 50, 3)
print(1 in r, 4 in r, 5 in r, 49 in r, 50 in r, -2 in r)
print(10 ** 15 in range(0, 10 ** 16, 5), 3 in range(10, 0, -1), 0 in range(10, 0, -1))
print(range(0, 5) == range(0, 5), range(0) == range(5, 2), range(0, 3) == range(0, 4))
