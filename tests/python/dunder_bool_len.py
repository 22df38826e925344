# __bool__ decides truthiness; __len__ is the fallback.
class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        return self.on
class Bag:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class Neither:
    pass
for obj in [Flag(True), Flag(False), Bag(0), Bag(3), Neither()]:
    print(type(obj).__name__, bool(obj), "yes" if obj else "no", not obj)
print(len(Bag(7)))
