# zfill pads with zeros after any sign.
for s in ["42", "-42", "+7", "abc", "12345", ""]:
    print(repr(s.zfill(5)))
print(str(7).zfill(3), str(-3).zfill(4), "1234567".zfill(3))
for n in [5, 42, 123, -9]:
    print(str(n).zfill(4), "%04d" % n, f"{n:04d}")
print("3.14".zfill(7), "-3.14".zfill(7))
print("+".zfill(3), "-".zfill(3))
codes = [str(i).zfill(3) for i in (1, 20, 300, 4000)]
print(codes, sorted(codes, reverse=True))
