# zfill pads with zeros after any sign.
for s in ["42", "-42", "+7", "abc", "12345", ""]:
    print(repr(s.zfill(5)))
print(str(7).zfill(3), str(-3).zfill(4), "1234567".zfill(3))
