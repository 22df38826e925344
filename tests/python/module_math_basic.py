# math: sqrt, floor, ceil, pi, e, inf, isclose.
import math
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.25), math.sqrt(10 ** 20))
print(math.floor(3.7), math.floor(-3.2), math.ceil(3.2), math.ceil(-3.7), math.floor(-0.5))
print(type(math.floor(2.5)).__name__, math.floor(5), math.ceil(10 ** 20))
print(math.pi, math.e, math.inf, -math.inf, math.inf > 10 ** 400)
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3, math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1))
r = 2.0
print("area %.6f circumference %.6f" % (math.pi * r * r, 2 * math.pi * r))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
