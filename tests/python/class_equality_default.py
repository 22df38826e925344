# Without __eq__, instances compare by identity; default hash works in sets.
class Plain:
    def __init__(self, v):
        self.v = v
a = Plain(1)
b = Plain(1)
print(a == b, a == a, a != b, a is a)
s = {a, b, a}
print(len(s))
d = {a: "first"}
print(d.get(b, "missing"), d[a])
print(str(a).startswith("<__main__.Plain object at"))
