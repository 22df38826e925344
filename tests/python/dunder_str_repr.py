# __str__ vs __repr__: print and str use __str__, containers and repr use __repr__.
class Both:
    def __str__(self):
        return "str-form"
    def __repr__(self):
        return "Both()"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly<1>"
b = Both()
r = ReprOnly()
print(b, str(b), repr(b), [b], (b,), {"k": b})
print(r, str(r), [r])
print("%s %r" % (b, b), f"{b} {b!r}", "{} {!r}".format(b, b))
