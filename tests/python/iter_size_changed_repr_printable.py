# A set or dict that changes size while iterated raises; repr escapes non-printable characters.
s = {1, 2}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(type(e).__name__, e)
d = {1: 2}
for k in d:
    d[k] = 5
print(d)
print(repr("\u00a0\u2028\ufeff\U0001f600\U000e0001"), "\u00a0x".isprintable(), "ab".isprintable())
