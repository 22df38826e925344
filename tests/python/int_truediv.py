# True division of ints always gives a float.
print(7 / 2, 6 / 3, -7 / 2, 1 / 3, 2 / 3)
print(10 ** 20 / 10 ** 10, 1 / 10 ** 10)
print(type(4 / 2).__name__)
print(2 ** 60 / 3)
print((1 << 80) / (1 << 79))
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(5 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
