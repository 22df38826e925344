# __add__ and __radd__ (reflected), and sum() starting from 0.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented
    def __radd__(self, other):
        print("radd with", other)
        return self.__add__(other)
    def __repr__(self):
        return "Money(%d)" % self.cents
a = Money(150)
b = Money(275)
print(a + b, a + 5, 5 + a)
print(sum([a, b, Money(1)]))
try:
    a + "x"
except TypeError as e:
    print("TypeError:", e)
