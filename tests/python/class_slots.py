# __slots__ restricts instance attributes.
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
v = Vec(1, 2)
v.x = 10
print(v.x, v.y)
try:
    v.z = 3
except AttributeError as e:
    print("AttributeError")
class Vec3(Vec):
    __slots__ = ("z",)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
w = Vec3(1, 2, 3)
print(w.x + w.y + w.z, hasattr(v, "__dict__"))
