# Strings are immutable: item assignment fails, methods return new strings.
s = "hello"
t = s
s += " world"
print(s, t)
try:
    t[0] = "H"
except TypeError as e:
    print("TypeError:", e)
u = t.upper()
print(t, u)
print(t.replace("l", "L") is not t, t)
