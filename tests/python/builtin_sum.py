# sum with numbers and with a start value.
print(sum([1, 2, 3]), sum([]), sum(range(101)), sum([0.5, 0.25]), sum([1, 2], 10))
print(sum([[1], [2, 3], []], []), sum(((1,), (2,)), ()))
print(sum(x * x for x in range(10)), sum([True, True, False]))
print(sum([2 ** 64, 2 ** 64]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
print(sum(range(10), start=100), sum([0.1] * 3))
