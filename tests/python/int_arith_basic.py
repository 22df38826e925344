# Basic integer arithmetic and operator precedence.
a = 17
b = 5
print(a + b, a - b, a * b)
print(a // b, a % b, a ** 2)
print(-a, +a, -(-a))
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2)
print(-2 ** 2, (-2) ** 2)
print(10 - 4 - 3, 100 // 10 // 3)
x = 0
for i in range(1, 11):
    x = x * 3 + i
print(x)
print(1_000_000 + 1)
print(0, -0, 7)
