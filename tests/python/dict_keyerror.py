# Missing keys raise KeyError carrying the key.
d = {"a": 1}
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e), e.args)
try:
    {}[(1, 2)]
except KeyError as e:
    print("caught", e.args[0])
try:
    d[0]
except LookupError as e:
    print(type(e).__name__, e)
