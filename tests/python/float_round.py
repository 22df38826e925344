# round() with and without ndigits; round-half-to-even.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.675, 1.005, 3.14159, 123.456, -2.5]:
    print(v, round(v), round(v, 1), round(v, 2))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__)
print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(5), round(5, 2), round(0.0), round(-0.4))
print(round(0.1 + 0.2, 1), round(1 / 3, 5), round(2 / 3, 5))
print(round(1e20, 2), round(-1.5e-3, 3), round(123.5), round(124.5))
print([round(x * 0.1, 1) for x in range(6)])
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
