# math: sqrt, floor, ceil, constants, isclose, inf.
import math
print(math.sqrt(16), math.sqrt(2), math.floor(3.7), math.floor(-3.2), math.ceil(3.2), math.ceil(-3.7))
print(type(math.floor(2.5)).__name__, math.floor(5), math.ceil(10 ** 20))
print(math.pi, math.e, math.inf, -math.inf)
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3, math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1))
print(math.fabs(-3), math.trunc(-3.7), math.hypot(3, 4), math.pow(2, 10))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
