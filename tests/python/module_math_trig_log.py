# math: sin/cos/atan2, log/exp.
import math
print(math.sin(0), math.cos(0), math.sin(math.pi / 2), math.cos(math.pi))
print(round(math.sin(math.pi), 12), round(math.tan(math.pi / 4), 12), math.atan2(1, 1) * 4)
print(math.log(1), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(0), math.exp(1))
print(math.degrees(math.pi), math.radians(180))
for deg in range(0, 91, 30):
    r = math.radians(deg)
    print(deg, "%.6f %.6f" % (math.sin(r), math.cos(r)))
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
