# Integer powers, including big results and negative exponents (float result).
print(2 ** 10, 2 ** 0, 0 ** 0, 1 ** 1000)
print(3 ** 40)
print(2 ** 100)
print(7 ** 77)
print((-3) ** 3, (-3) ** 4)
print(2 ** -1, 10 ** -2)
print(pow(2, 10), pow(3, 4, 5), pow(7, 128, 13))
print(pow(2, 1000, 10 ** 9 + 7))
print(pow(123456789, 987654321, 1000000007))
n = 1
for i in range(10):
    n = n ** 2 + 1
    print(i, len(str(n)))
