# Class attributes are shared; instance attributes shadow them.
class Counter:
    created = 0
    tags = []
    def __init__(self):
        Counter.created += 1
        self.id = Counter.created
a = Counter()
b = Counter()
print(Counter.created, a.created, a.id, b.id)
a.created = "shadow"
print(a.created, b.created, Counter.created)
a.tags.append("shared!")
print(b.tags, Counter.tags)
del a.created
print(a.created)
Counter.extra = "added later"
print(b.extra)
print(sorted(k for k in vars(a)))
