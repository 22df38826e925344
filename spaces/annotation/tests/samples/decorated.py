# A class changed by setattr in a decorator; super().__init__: nothing may be flagged.
def deco(cls):
    setattr(cls, "extra", "e")
    return cls
@deco
class T:
    pass
print(T().extra + "!")
class P:
    def __init__(self):
        self.v = 1
class Q(P):
    def __init__(self):
        super().__init__()
        self.w = 2
q = Q()
print(q.v + 1, q.w + 1)
