# hex/bin/oct builtins and parsing back with int().
for n in [0, 7, 42, 255, 4096, -42]:
    h, b, o = hex(n), bin(n), oct(n)
    print(n, h, b, o, int(h, 16) == n, int(b, 0) == n, int(o, 8) == n)
print(hex(2 ** 64), bin(2 ** 10), oct(2 ** 20))
print(hex(255).upper(), hex(255)[2:], bin(5)[2:].zfill(8))
values = [int("0x1f", 16), int("0b101", 2), int("0o17", 8), int("z", 36)]
print(values, sum(values))
print(hex(True), bin(False), oct(8 ** 5))
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
