# str.index raises ValueError when the substring is absent.
s = "hello"
print(s.index("l"), s.index("lo"))
try:
    s.index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("q")
except ValueError as e:
    print("ValueError:", e)
print("done")
