# Case conversion methods.
s = "hello World, it's a FINE day 42x"
print(s.upper())
print(s.lower())
print(s.swapcase())
print(s.title())
print(s.capitalize())
print("ÉCOLE ñandú".lower(), "straße".upper())
print("".upper(), "123".title(), "a1b2".capitalize())
print("hELLO wORLD".swapcase().title(), "O'NEIL mcdonald".title())
