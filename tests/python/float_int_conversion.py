# Conversions between int, float and str.
print(float(3), float("1e3"), float("  2.5 "), float("-0.125"), float(".5"), float("5."))
print(int(2.9), int(-2.9), int(1e10), int(1e20))
print(float(2 ** 100), int(float(2 ** 60)))
print(3 + 0.5, 3 * 1.0, 7 // 2.0, 7 % 2.5)
print(1.0.is_integer(), 1.5.is_integer(), (2.0).is_integer())
print(abs(-3.5), abs(3), -abs(-0.0))
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
