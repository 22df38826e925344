# Tuples: indexing, slicing, count, index, concatenation, immutability.
t = (3, 1, 4, 1, 5, 9, 2, 6)
print(t[0], t[-1], t[2:5], t[::-1], t.count(1), t.index(5))
print(t + (7,), (0,) * 3, 4 in t, 8 in t, len(t))
try:
    t[0] = 10
except TypeError as e:
    print("TypeError:", e)
lst = [1]
tt = (lst, 2)
lst.append(3)
print(tt)
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple())
