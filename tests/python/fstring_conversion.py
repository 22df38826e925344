# !r, !s and !a conversions.
s = "tab\there"
print(f"{s}|{s!r}|{s!s}")
print(f"{'é'!a} {'é'!r}")
class P:
    def __repr__(self): return "P()"
    def __str__(self): return "a P"
p = P()
print(f"{p} {p!r} {p!s}")
print(f"{'x'!r:>6}|{42!r}")
