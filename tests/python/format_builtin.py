# format() builtin and __format__ on user classes.
print(format(42), format(42, "5"), format(42, "<5") + "|", format(3.5, ".2f"), format("s", ">3"))
print(format(255, "b"), format(255, "#o"), format(-1234.5, ",.1f"), format(True, "d"), format(True))
class Celsius:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == "f":
            return "%.1fF" % (self.v * 9 / 5 + 32)
        return "%.1fC" % self.v
t = Celsius(21)
print(format(t), format(t, "f"), f"{t} {t:f}", "{:f}".format(t))
