# A list that contains itself: printed as [...], equal to itself; two such lists
# compare forever, which ends in a RecursionError (as in CPython), not a crash.
a = []
a.append(a)
print(a, a == a, a in a)
b = []
b.append(b)
print(a == b)
