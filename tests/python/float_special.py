# inf and nan: creation, printing, comparisons and arithmetic.
import math
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(inf), str(-inf))
print(float("-inf"), float("Infinity"), float("NaN"))
print(inf > 1e308, -inf < -1e308, inf == inf, nan == nan, nan != nan)
print(inf + 1, inf - inf, inf * 0, inf * -2)
print(nan != nan, (inf - inf) != (inf - inf), inf == math.inf, -inf < 0 < inf)
print(1e308 * 10, -1e308 * 10)
print(math.inf == inf, [inf, nan])
print(max(1.0, inf), min(-inf, 0))
