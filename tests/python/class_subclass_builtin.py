# Subclassing builtin types: list and dict.
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack()
s.push(1); s.push(2); s.extend([3, 4])
print(s, s.peek(), len(s), s.pop(), isinstance(s, list))
class Defaulting(dict):
    def __missing__(self, key):
        return "default for " + str(key)
d = Defaulting(a=1)
print(d["a"], d["zz"], len(d))
class Celsius(float):
    def describe(self):
        return "%.1f C" % self
c = Celsius(21.5)
print(c + 1, c.describe())
