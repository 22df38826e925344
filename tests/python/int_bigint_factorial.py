# Arbitrary-precision integers: factorials grow past 64 bits without overflow.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

for n in (5, 10, 20, 21, 25, 30):
    print(n, fact(n))
f100 = fact(100)
print(f100)
print(len(str(f100)))
print(sum(int(d) for d in str(f100)))
print(f100 // fact(98))
print(f100 % 1000000007)
print(fact(50) - fact(49) * 50)
big = 2 ** 64
print(big, big - 1, big + 1, -big)
print(big * big)
print(9223372036854775807 + 1)
print(-9223372036854775808 - 1)
