# super() in __init__ and methods, including cooperative diamonds.
class Base:
    def __init__(self, v):
        self.v = v
        print("Base init", v)
    def describe(self):
        return "Base(%s)" % self.v
class Child(Base):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
        print("Child init", w)
    def describe(self):
        return "Child<" + super().describe() + ", %s>" % self.w
c = Child(1, 2)
print(c.describe())
class Root:
    def hello(self):
        return ["Root"]
class Left(Root):
    def hello(self):
        return ["Left"] + super().hello()
class Right(Root):
    def hello(self):
        return ["Right"] + super().hello()
class Bottom(Left, Right):
    def hello(self):
        return ["Bottom"] + super().hello()
print(Bottom().hello())
print(super(Left, Bottom()).hello())
