# int() from strings in various bases, and whitespace/sign handling.
print(int("42"), int("-42"), int("+7"), int("  12 "), int("\t-3\n"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0))
print(int("777", 8), int("0o777", 0), int("1010", 2), int("0b1010", 0))
print(int("z", 36), int("zz", 36), int("10", 3))
print(int("1_000_000"), int("123456789012345678901234567890"))
print(int(3.99), int(-3.99), int(True), int(False))
for s in ["12a", "", "1.5", "0x10"]:
    try:
        print(int(s))
    except ValueError as e:
        print("ValueError:", e)
