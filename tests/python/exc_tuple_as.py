# except (A, B) as e catches either; the name is unbound after the handler.
def risky(i):
    if i == 0:
        raise KeyError("zero")
    if i == 1:
        raise ValueError("one")
    if i == 2:
        raise TypeError("two")
    return "fine"
for i in range(4):
    try:
        print(risky(i))
    except (KeyError, ValueError) as e:
        print("caught", type(e).__name__, e)
    except TypeError as e:
        print("type error", e)
try:
    e
except NameError:
    print("e is unbound after except")
