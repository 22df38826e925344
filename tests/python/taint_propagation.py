# Every operation propagates its inputs' labels; each result is declassified
# before it is printed, so this run succeeds and prints what CPython prints
# (tools/taint-cpython-check.sh runs it with taint/declassify as the identity).
# The *_refused programs show that the same values, undeclassified, are refused.
n = taint(6, "n")
s = taint("Ada", "name")
print(declassify(n * 7), declassify(n / 4), declassify(n // 4), declassify(-n), declassify(n ** 2))
print(declassify(n < 10), declassify(n == 6), declassify(not n))
print(declassify(s + "!"), declassify(s * 2), declassify(s[0]), declassify(s[1:]))
print(declassify(len(s)), declassify(s.lower()), declassify(s.replace("a", "o")))
print(declassify(str(n)), declassify(repr(s)), declassify(f"{s}:{n:>3}"))
print(declassify("%s is %d" % (s, n)), declassify("{} and {}".format(s, n)))
print(declassify("-".join([s, "x"])), declassify(sorted([s, "Bob"])[0]))
print(declassify(max(n, 2)), declassify(abs(-n)), declassify(int("4") + n))
pairs = [(s, n)]
print(len(pairs), declassify(pairs[0][1]))
