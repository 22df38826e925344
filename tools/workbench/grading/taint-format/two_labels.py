a = taint("x", "first")
b = taint("y", "second")
print(f"{a}{b}")
