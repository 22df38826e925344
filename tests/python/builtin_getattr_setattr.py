# getattr/setattr/hasattr/delattr with dynamic attribute names.
class Obj:
    cls_attr = "class"
o = Obj()
for name, value in [("alpha", 1), ("beta", [2]), ("gamma", "three")]:
    setattr(o, name, value)
print(o.alpha, getattr(o, "beta"), getattr(o, "gamma"))
print(hasattr(o, "alpha"), hasattr(o, "delta"), hasattr(o, "cls_attr"))
print(getattr(o, "delta", "default"), getattr(o, "cls_attr"))
delattr(o, "alpha")
print(hasattr(o, "alpha"))
try:
    getattr(o, "alpha")
except AttributeError:
    print("AttributeError after delattr")
print(getattr("text", "upper")(), getattr([3, 1, 2], "count")(1))
