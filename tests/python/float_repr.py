# Shortest round-tripping float repr.
vals = [0.1 + 0.2, 0.1, 1.0, -0.0, 1e16, 1e15, 123456789012345678.0, 1e-5, 0.0001,
        1e22, 1.5e-10, 3.141592653589793, 2.5, 1 / 3, 100.0, 1e100, 5e-324, 1.7976931348623157e308]
for v in vals:
    print(v, repr(v), str(v))
print(0.1 + 0.2 == 0.3, round(0.1 + 0.2, 10) == 0.3)
print([0.5, 0.25, 1e-7])
print(float(10 ** 16), float(2 ** 53), 2.0 ** 70)
print(1e16 + 1, 9007199254740993.0)
print(repr(1e-4), repr(12345678.9), repr(0.1 * 3))
