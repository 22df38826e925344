# Ranges counting down.
print(list(range(10, 0, -1)))
print(list(range(10, 0, -3)), list(range(0, 10, -1)), list(range(-1, -8, -2)))
r = range(20, -5, -5)
print(len(r), r[0], r[-1], list(r))
print(list(reversed(range(5))), list(range(4, -1, -1)) == list(reversed(range(5))))
total = 0
for i in range(100, 0, -7):
    total += i
print(total, len(range(100, 0, -7)))
print(list(range(-10, -20, -2)), list(range(5, 5, -1)))
print(range(10, 0, -2)[1:3], list(range(10, 0, -2)[::-1]))
