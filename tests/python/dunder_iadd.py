# __iadd__ for in-place addition; without it, += falls back to __add__.
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Num(self.v + o)
a = Acc()
alias = a
a += 1
a += 2
print(a.items, a is alias)
n = Num(1)
m = n
n += 5
print(n.v, m.v, n is m)
