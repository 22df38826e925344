# str.join over lists, tuples, generators and strings.
print(", ".join(["a", "b", "c"]))
print("".join(("x", "y", "z")))
print("-".join("hello"))
print(" ".join(str(i * i) for i in range(6)))
print("|".join([]), "|".join(["only"]))
print("\n".join(["line1", "line2"]))
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
