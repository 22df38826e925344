# `%`-formatting and str.format follow the same rule as f-strings.
key = taint(1234, "key")
text = "key=%d" % key
other = "{}".format(42)
print(other)
print(text)
