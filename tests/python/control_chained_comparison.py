# Chained comparisons evaluate each operand once.
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, 1 == 1 == 1.0, 1 < 2 > 0 < 3)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
print(1 < 2 != 3, "a" < "b" < "c", 3 > 2 > 1 > 0 > -1)
a = [1, 2]
print(a == [1, 2] is not None)
print(1 in [1, 2] in [[1, 2]])
