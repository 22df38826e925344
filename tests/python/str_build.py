# Building strings incrementally with += and join.
s = ""
for i in range(10):
    s += str(i)
print(s, len(s))
row = ""
for i in range(1, 6):
    row = row + "*" * i + "\n"
print(row, end="")
table = []
for i in range(1, 4):
    table.append(" ".join(str(i * j).rjust(2) for j in range(1, 6)))
print("\n".join(table))
