# Round-tripping through str/int/float conversions.
for s in ["0", "17", "-3", "007"]:
    n = int(s)
    print(repr(s), n, str(n), float(n), bool(n))
for f in [0.0, 2.5, -1e-3, 1e21]:
    print(f, int(f), str(f), repr(f))
print(int(str(2 ** 100)) == 2 ** 100, float(repr(0.1)) == 0.1)
print(int("  -17  "), float("  -1.5e2 "), str(-0.5))
print(bool("False"), bool(0.0), bool(-0.0), int(bool("x")))
print(str(True) + str(1), int("1" + "0" * 20))
