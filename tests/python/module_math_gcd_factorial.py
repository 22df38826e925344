# math: gcd, factorial, comb/perm, isqrt.
import math
print(math.gcd(12, 18), math.gcd(17, 5), math.gcd(0, 9), math.gcd(-12, 18), math.gcd(2 ** 100, 6 ** 50))
print(math.factorial(0), math.factorial(10), math.factorial(30))
print(math.comb(10, 3), math.perm(5, 2), math.isqrt(10 ** 20 + 1), math.isqrt(99))
def lcm(a, b):
    return a * b // math.gcd(a, b)
l = 1
for i in range(1, 21):
    l = lcm(l, i)
print(l)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
