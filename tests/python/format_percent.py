# printf-style % formatting.
print("%d items" % 5)
print("%s and %s" % ("this", "that"))
print("%r %s" % ("quoted", "bare"))
print("%5.2f|%-5s|%5s|%x|%X|%o|%%" % (3.14159, "ab", "cd", 255, 255, 8))
print("%05d|%+d|% d|%-6d|" % (42, 42, 42, 42))
print("%e|%.2e|%g|%g" % (12345.6789, 0.000123, 0.0001, 1e20))
print("%c%c" % (72, "i"))
print("%s" % [1, 2], "%s" % (("tuple",),))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%*d|%-*d|" % (5, 1, 4, 2))
print("%.3s" % "abcdef", "%10.4f" % -1.5)
try:
    "%d %d" % (1,)
except TypeError as e:
    print("TypeError:", e)
