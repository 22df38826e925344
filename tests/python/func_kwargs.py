# **kwargs collects extra keyword arguments into a dict (in call order).
def describe(kind, **attrs):
    parts = [kind]
    for k, v in attrs.items():
        parts.append("%s=%r" % (k, v))
    return " ".join(parts)
print(describe("box"))
print(describe("box", width=3, height=4, color="red"))
opts = {"size": 10, "bold": True}
print(describe("font", **opts))
print(describe(kind="x", **{"z": 1, "a": 2}))
def everything(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(everything(1, c=3))
print(everything(1, 20, 30, 40, c=3, e=5, f=6))
