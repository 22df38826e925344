# type(), __class__ and __name__ on instances and classes; printing classes.
class Thing:
    pass
t = Thing()
print(type(t).__name__, t.__class__.__name__, type(t) is Thing, Thing.__name__)
print(type(1), type("s"), type(1.5), type([]), type(None))
print(type(type(1)).__name__, type(Thing).__name__, type(print).__name__)
print(type(1) == int, type(True) == int, type(True) == bool)
print(Thing)
print(int, str, list)
