# More of math: fabs, trunc, hypot, pow, tan, atan2, exp, log10, log2, degrees, radians,
# isinf/isnan/isfinite, comb, perm, isqrt.
import math
print(math.fabs(-3), math.trunc(-3.7), math.trunc(3.7), math.hypot(3, 4), math.pow(2, 10))
print(round(math.tan(math.pi / 4), 12), math.atan2(1, 1) * 4, math.atan2(0, -1))
print(math.exp(0), math.exp(1), math.log10(1000), math.log2(1024))
print(math.degrees(math.pi), math.radians(180))
nan = float("nan")
print(math.isinf(math.inf), math.isnan(nan), math.isnan(math.inf - math.inf), math.isfinite(1.0), math.isfinite(math.inf))
print(math.comb(10, 3), math.perm(5, 2), math.isqrt(10 ** 20 + 1), math.isqrt(99))
