# hex/bin/oct renderings, including negatives and big values.
for n in [0, 1, 10, 255, 256, -1, -255, 2 ** 40, 3 ** 30]:
    print(n, hex(n), bin(n), oct(n))
print(int(hex(123456789), 16), int(bin(98765), 2), int(oct(4321), 8))
print(hex(0xDEADBEEF), oct(0o755), bin(0b1011))
print(hex(-(2 ** 70)), bin(-5), oct(-64))
for n in [15, 16, 17]:
    print(n, "%x %o" % (n, n), format(n, "b"), format(n, "#x"))
print(len(bin(2 ** 100)) - 2, len(hex(2 ** 100)) - 2)
print(0x10 + 0o10 + 0b10, 0X1F, 0O17, 0B11)
