# Bound methods are values that remember their instance.
class Greeter:
    def __init__(self, name):
        self.name = name
    def greet(self, other):
        return self.name + " greets " + other
g = Greeter("ann")
m = g.greet
print(m("bob"))
fns = [Greeter(n).greet for n in ["x", "y"]]
print([f("z") for f in fns])
print(Greeter.greet(g, "direct"))
print(list(map(g.greet, ["p", "q"])))
h = Greeter("hal")
h.greet = lambda other: "instance attr shadows " + other
print(h.greet("method"), g.greet("ok"))
