# Constructor calls of builtin types.
print(int(), float(), str(), bool(), list(), tuple(), dict(), len(set()))
print(int("ff", 16), int("  12 "), int("-0"), int(7.9), int("0b11", 2), int("11", base=2))
print(float("1e3"), float("-inf"), float(" 3.25 "), float(7), float("+1.5E-2"))
print(str(12), str(1.0), str([1, 2]), str(None), str("s"))
print(bool(0), bool("x"), bool([]), bool(0.0), bool(None), bool(range(1)))
print(list("abc"), list((1, 2)), list(range(3)), list({"a": 1, "b": 2}.items()))
print(tuple([1, 2]), tuple("xy"), dict([(1, 2)]), dict(a=1), sorted(set("hello")), sorted(set([3, 1, 3])))
