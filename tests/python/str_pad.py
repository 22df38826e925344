# center/ljust/rjust with default and explicit fill characters.
for w in ["a", "ab", "abc", "abcd"]:
    print("[" + w.center(7) + "]", "[" + w.ljust(6, ".") + "]", "[" + w.rjust(6, "*") + "]", "[" + w.center(6, "-") + "]")
print("toolong".center(3), "x".center(0))
for name, price in [("apple", 1.5), ("kiwi", 0.25), ("watermelon", 3.0)]:
    print(name.ljust(12, ".") + ("%.2f" % price).rjust(8))
print("|" + "abc".ljust(2) + "|" + "abc".rjust(2) + "|")
print("|" + "x".center(4) + "|" + "xy".center(5) + "|")
header = "Report"
print(header.center(20, "="))
for n in [1, 22, 333]:
    print(str(n).rjust(5, "0"), str(n).ljust(5, "_"))
