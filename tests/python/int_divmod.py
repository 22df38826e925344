# divmod on ints (and a float) matches (a // b, a % b).
for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 7), (2 ** 70, 3 ** 20)]:
    q, r = divmod(a, b)
    print(a, b, q, r, q == a // b, r == a % b)
print(divmod(7.5, 2))
print(divmod(-7.5, 2))
seconds = 987654
m, s = divmod(seconds, 60)
h, m = divmod(m, 60)
d, h = divmod(h, 24)
print(d, h, m, s)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
