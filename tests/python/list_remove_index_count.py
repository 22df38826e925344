# remove (first occurrence), index (with start), count.
xs = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(xs.count(5), xs.count(1), xs.count(7))
print(xs.index(5), xs.index(5, 5), xs.index(1, 2))
xs.remove(1)
print(xs)
xs.remove(5)
print(xs)
try:
    xs.remove(42)
except ValueError as e:
    print("ValueError:", e)
try:
    xs.index(42)
except ValueError as e:
    print("ValueError:", e)
print([1, [2], "3"].count([2]))
