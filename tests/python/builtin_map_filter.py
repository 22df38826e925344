# map and filter return lazy iterators.
print(list(map(str, [1, 2, 3])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6, 7])))
print(list(map(int, "1 2 3".split())))
print(list(filter(lambda x: x % 3 == 0, range(20))))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
m = map(abs, [-1, -2])
print(next(m), list(m), list(m))
print(sum(map(len, ["ab", "cde"])))
