# Instances with shared attribute layouts (maps), attribute caches and their invalidation.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


# Same attributes, different order: both read back correctly.
a = Point(1, 2)
b = Point(3, 4)
b.z = 5
c = Point(0, 0)
c.y, c.x = 7, 8
print(a.x, a.y, b.x, b.y, b.z, c.x, c.y)
print(a.norm1(), b.norm1(), c.norm1())


# Many attributes (more than fit inline), set and overwritten.
class Bag:
    pass


bag = Bag()
for i in range(12):
    setattr(bag, "a%d" % i, i * i)
bag.a3 = "three"
print([getattr(bag, "a%d" % i) for i in range(12)])
print(sorted(vars(bag))[:4], len(bag.__dict__))

# The dict is the instance's: writes either way are seen by both.
d = a.__dict__
d["w"] = 99
a.x = 10
print(a.w, d["x"], sorted(d))
del a.y
print(hasattr(a, "y"), sorted(a.__dict__))

# A method replaced on the class is seen by existing instances and call sites.
def twice(self):
    return 2 * (abs(self.x) + abs(self.y))


for round_ in range(2):
    print([p.norm1() for p in (b, c)])
    Point.norm1 = twice

# An instance attribute shadows a method; deleting it uncovers the method again.
b.norm1 = lambda: "own"
print(b.norm1())
del b.norm1
print(b.norm1())


# A property (data descriptor) wins over an instance attribute of the same name.
class Temperature:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        self._c = value * 1


t = Temperature()
t.celsius = 21
t.__dict__["celsius"] = "shadow?"
print(t.celsius, t._c)


# __slots__ still refuse unknown attributes, also after the cache saw the class.
class Slotted:
    __slots__ = ("p",)


s = Slotted()
for _ in range(3):
    s.p = 1
    try:
        s.q = 2
    except AttributeError as e:
        print("AttributeError:", e)


# __getattr__ runs only for missing attributes.
class Proxy:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        return "virtual " + name


pr = Proxy()
print(pr.real, pr.other, pr.real)


# Class attributes changed after use.
class Counter:
    step = 1

    def bump(self, n):
        return n + self.step


k = Counter()
print(k.bump(1), k.bump(1))
Counter.step = 10
print(k.bump(1))
k.step = 100
print(k.bump(1), Counter.step)
