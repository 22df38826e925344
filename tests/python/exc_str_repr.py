# str() and repr() of exception instances.
for e in [ValueError("bad"), KeyError("k"), KeyError(1, 2), Exception(), Exception("a", "b"), IndexError(3), ZeroDivisionError("division by zero")]:
    print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args)
try:
    [1][5]
except IndexError as e:
    print(str(e))
try:
    int("q")
except ValueError as e:
    print(str(e))
