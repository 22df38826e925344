# math: gcd and factorial.
import math
print(math.gcd(12, 18), math.gcd(17, 5), math.gcd(0, 9), math.gcd(-12, 18), math.gcd(2 ** 100, 6 ** 50))
print(math.factorial(0), math.factorial(10), math.factorial(30))
def lcm(a, b):
    return a * b // math.gcd(a, b)
l = 1
for i in range(1, 21):
    l = lcm(l, i)
print(l)
print(math.factorial(52) // (math.factorial(5) * math.factorial(47)))
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
