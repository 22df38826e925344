# divmod and pow (including the 3-argument modular form).
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(5.5, 2))
print(pow(2, 8), pow(2, -2), pow(2.0, 0.5), pow(-8, 3), pow(0, 0))
print(pow(3, 200, 1000), pow(5, 0, 7), pow(12345, 6789, 101))
print(pow(3, -1, 7), (3 * pow(3, -1, 7)) % 7)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
print(pow(10, 20), pow(-2, 63), pow(2, 0.5) == 2 ** 0.5)
