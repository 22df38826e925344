# hex/bin/oct builtins and parsing back with int().
for n in [0, 7, 42, 255, 4096, -42]:
    h, b, o = hex(n), bin(n), oct(n)
    print(n, h, b, o, int(h, 16) == n, int(b, 0) == n, int(o, 8) == n)
print(hex(2 ** 64), bin(2 ** 10), oct(2 ** 20))
