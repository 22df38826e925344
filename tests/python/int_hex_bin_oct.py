# hex/bin/oct renderings, including negatives and big values.
for n in [0, 1, 10, 255, 256, -1, -255, 2 ** 40, 3 ** 30]:
    print(n, hex(n), bin(n), oct(n))
print(int(hex(123456789), 16), int(bin(98765), 2), int(oct(4321), 8))
