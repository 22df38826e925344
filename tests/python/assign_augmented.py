# Every augmented assignment operator.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 7; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0b111100; print(x)
x |= 0b1; print(x)
x ^= 0b1111; print(x)
x /= 4; print(x)
s = "ab"
s += "cd"; s *= 2
print(s)
t = (1,)
t += (2,)
print(t)
