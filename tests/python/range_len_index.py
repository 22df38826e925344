# len, indexing and slicing of range objects (lazy, even when huge).
r = range(0, 100, 7)
print(len(r), r[0], r[3], r[-1], r[-2])
print(r[2:5], list(r[2:5]), r[::-1][0])
big = range(10 ** 12)
print(len(big), big[-1], big[10 ** 11])
try:
    r[100]
except IndexError as e:
    print("IndexError:", e)
print(r.index(49), r.count(49), r.count(50))
