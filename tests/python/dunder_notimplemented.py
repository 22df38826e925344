# Returning NotImplemented lets Python try the reflected operation.
class Meters:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        if isinstance(other, Meters):
            return self.v == other.v
        return NotImplemented
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Meters(self.v * k)
        return NotImplemented
    def __rmul__(self, k):
        return self.__mul__(k)
    def __repr__(self):
        return "%gm" % self.v
print(Meters(2) == Meters(2), Meters(2) == 2, Meters(2) != "x")
print(Meters(2) * 3, 3 * Meters(2), 0.5 * Meters(3))
try:
    Meters(1) * Meters(2)
except TypeError as e:
    print("TypeError:", e)
