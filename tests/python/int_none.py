# None: the single null value; its repr, truthiness and comparisons.
x = None
print(x, repr(x), str(x), bool(x))
print(x is None, x is not None, x == None)
print(type(None).__name__)
def f():
    pass
print(f())
def g(a=None):
    if a is None:
        a = []
    a.append(1)
    return a
print(g(), g(), g([5]))
d = {None: "nothing"}
print(d[None])
print([None] * 3)
try:
    None + 1
except TypeError as e:
    print("TypeError:", e)
