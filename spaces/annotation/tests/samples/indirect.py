# Methods reached through getattr, type() and super() change attributes: nothing may be flagged.
class A:
    def __init__(self):
        self.x = 1
    def m(self):
        self.x = "s"
a = A()
getattr(a, "m")()
print(a.x + "t")
b = A()
type(b).m(b)
print(b.x + "t")
class C(A):
    def n(self):
        super().m()
c = C()
c.n()
print(c.x + "t")
