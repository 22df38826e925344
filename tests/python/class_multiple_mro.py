# Multiple inheritance and the C3 method resolution order.
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B"
class C(A):
    def who(self):
        return "C"
    def only_c(self):
        return "only C"
class D(B, C):
    pass
class E(C, B):
    pass
print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in E.__mro__])
print(D().who(), E().who(), D().only_c())
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Z, Y): pass
print([k.__name__ for k in W.__mro__])
try:
    class Bad(A, B):
        pass
except TypeError:
    print("TypeError: no consistent MRO for Bad(A, B)")
