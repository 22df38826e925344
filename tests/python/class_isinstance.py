# isinstance and issubclass with classes, builtins and tuples of types.
class Shape: pass
class Circle(Shape): pass
class Square(Shape): pass
c = Circle()
print(isinstance(c, Circle), isinstance(c, Shape), isinstance(c, Square), isinstance(c, object))
print(isinstance(c, (Square, Circle)), isinstance(3, (str, int)), isinstance("s", (int, float)))
print(issubclass(Circle, Shape), issubclass(Shape, Circle), issubclass(Circle, (Square, Shape)), issubclass(Circle, Circle))
print(isinstance(True, int), isinstance(1, bool), issubclass(bool, int), isinstance(1.0, int))
print(isinstance([], list), isinstance({}, dict), isinstance((), tuple), isinstance(None, type(None)))
print(issubclass(KeyError, LookupError), issubclass(int, object), isinstance(int, type))
