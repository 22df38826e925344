# super(), operators on instances, properties, keyword arguments: nothing may be flagged.
class Base:
    def __init__(self, name):
        self.name = name
    def greet(self):
        return "hi " + self.name

class Child(Base):
    def __init__(self, name, n):
        super().__init__(name)
        self.n = n
    def greet(self):
        return super().greet() + "!" * self.n

class Vec:
    def __init__(self, x):
        self.x = x
    def __add__(self, other):
        return Vec(self.x + other.x)
    def __str__(self):
        return "Vec(" + str(self.x) + ")"
    def __eq__(self, other):
        return self.x == other.x

c = Child("c", 2)
print(c.greet(), c.name + "?", c.n + 1)
v = Vec(1) + Vec(2)
print(v, v.x + 1, v == Vec(3))
items = [Vec(1), Vec(2)]
print(sorted([3, 1, 2]), str(items[0]))
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
def length(node):
    if node is None:
        return 0
    return 1 + length(node.next)
print(length(Node(1, Node(2))))
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
Counter(); Counter()
print(Counter.count + 1, Counter().id * 2)
class WithProp:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return str(self._v)
w = WithProp()
print(w.v + "s")
try:
    raise ValueError("x")
except ValueError as e:
    print(str(e) + "!")
def kw(a, b=2, *rest, **opts):
    return a + b
print(kw(1), kw(1, b=3), kw("a", "b"))
