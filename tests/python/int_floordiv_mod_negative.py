# Floor division and modulo round toward negative infinity; sign of % follows the divisor.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3), (1, 10), (-1, 10)]
for a, b in pairs:
    print(a, b, a // b, a % b, (a // b) * b + a % b == a)
big = 10 ** 30 + 7
print(big // 3, big % 3)
print(-big // 7, -big % 7)
print(big // -11, big % -11)
print(-(10 ** 25) // 10 ** 12)
print(-3 // 2, -3 % 2, 3 // -2, 3 % -2)
