# __getattr__ is called only for missing attributes.
class Proxy:
    def __init__(self, target):
        self.target = target
        self.log = []
    def __getattr__(self, name):
        self.log.append(name)
        return getattr(self.target, name)
class Target:
    color = "blue"
    def size(self):
        return 42
p = Proxy(Target())
print(p.color, p.size(), p.log)
class Default:
    def __getattr__(self, name):
        if name.startswith("x_"):
            return name[2:].upper()
        raise AttributeError(name)
d = Default()
d.real = 1
print(d.real, d.x_hello, hasattr(d, "y_no"), getattr(d, "nope", "fallback"))
