# vars() of an instance; dir() lists attributes (checked by membership only).
class C:
    def __init__(self):
        self.a = 1
        self.b = 2
    def method(self):
        pass
c = C()
print(vars(c))
names = dir(c)
print("a" in names, "method" in names, "zzz" in names)
