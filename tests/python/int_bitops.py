# Bitwise operators on ints, including negatives (two's complement, infinite sign extension).
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(-12 & 0xFF, -1 & 0xFFFF, -12 | 3, -12 ^ 5)
print(~0, ~-1, ~255)
print(1 << 10, 1 << 70, 1024 >> 3, -1024 >> 3, -1 >> 5)
print((1 << 100) >> 98, (3 << 64) | 1)
print(0xFFFF_FFFF_FFFF_FFFF + 1 == 1 << 64)
x = 0
for i in range(0, 20, 3):
    x |= 1 << i
print(x, bin(x))
print(x.bit_length(), (0).bit_length(), (-8).bit_length())
count = 0
y = x
while y:
    y &= y - 1
    count += 1
print("popcount", count)
