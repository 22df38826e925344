# and/or return one of their operands and short-circuit; not returns a bool.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "default", None or 0 or [] or "last")
print([] and boom, "x" or boom)
print(not 0, not 1, not "", not [1], not None)
calls = []
def t(x):
    calls.append(x)
    return x
r = t(0) and t(1)
s = t(1) or t(2)
u = t(0) or t(3) and t(4)
print(r, s, u, calls)
name = ""
print(name or "anonymous")
