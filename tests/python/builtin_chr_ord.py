# chr and ord over a range of code points.
print("".join(chr(c) for c in range(ord("a"), ord("z") + 1)))
print([ord(c) - ord("0") for c in "2024"])
print(chr(0x41), chr(0x3b1), chr(0x1F600) == "😀", ord("\t"), ord("\x00"))
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
print([chr(ord("a") + i) for i in range(0, 26, 5)])
print(sum(ord(c) for c in "checksum"), chr(ord("A") + 25))
