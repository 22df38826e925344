# Floor division and modulo with floats.
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (5.0, 0.5), (1.0, 0.3), (-1.0, 0.3)]:
    print(a, b, a // b, a % b)
print(2.0 ** 0.5, 2 ** 0.5, (-8) ** 2.0, 4 ** -0.5)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 % 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
