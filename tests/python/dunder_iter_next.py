# __iter__/__next__ iterator protocol.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(5)))
c = Countdown(3)
for x in c:
    print("tick", x)
print(list(c))
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i * 2
            i += 1
r = Range2(4)
print(list(r), list(r), sum(r), 6 in r)
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
