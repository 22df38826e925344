# A vector class with __sub__, __mul__, __rmul__, __neg__, __abs__, __truediv__.
import math
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o): return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o): return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return V(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __truediv__(self, k): return V(self.x / k, self.y / k)
    def __neg__(self): return V(-self.x, -self.y)
    def __abs__(self): return math.sqrt(self.x * self.x + self.y * self.y)
    def __repr__(self): return "V(%r, %r)" % (self.x, self.y)
a = V(3, 4)
b = V(1, -2)
print(a + b, a - b, a * 2, 3 * a, a / 2, -a, abs(a))
print((a - b) * 0.5)
