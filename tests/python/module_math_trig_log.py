# math: sin, cos, log (natural and with a base).
import math
print(math.sin(0), math.cos(0), math.sin(math.pi / 2), math.cos(math.pi))
print(round(math.sin(math.pi), 12), round(math.cos(math.pi / 2), 12))
print(math.log(1), math.log(math.e), math.log(8, 2), math.log(100, 10), math.log(2))
for deg in range(0, 91, 30):
    r = deg * math.pi / 180
    print(deg, "%.6f %.6f" % (math.sin(r), math.cos(r)))
print(all(math.isclose(math.sin(x) ** 2 + math.cos(x) ** 2, 1.0) for x in [0.1, 1.0, 2.5, -7.0]))
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
