# Membership, repetition and concatenation.
s = "hello world"
print("wor" in s, "xyz" in s, "" in s, "H" in s, "h" not in s)
print("ab" * 3, 3 * "-", "x" * 0, repr("x" * -2))
print("=" * 20)
print("con" + "cat" + "enation")
parts = []
for i in range(5):
    parts.append(str(i) * i)
print(parts)
