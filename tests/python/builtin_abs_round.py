# abs on ints, floats and bools; round with ndigits and banker's rounding.
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(-(2 ** 100)), abs(True))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(2.675, 2), round(7))
print(round(3.14159, 3), round(1234, -2), round(-1.25, 1), round(0.125, 2), round(0.375, 2))
print([round(x / 2) for x in range(-6, 7)])
print(round(2.5) + round(3.5), round(-0.5), round(0.49999999999999994))
for n in [1.45, 2.55, 3.65, 10.05]:
    print(n, round(n, 1))
print(round(123456, -3), round(-123456, -3), round(5e-324, 3))
print(abs(-1e308) == 1e308, abs(float("-inf")))
print(type(abs(-3)).__name__, type(abs(-3.0)).__name__)
