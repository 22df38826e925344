# Arithmetic on a labelled value gives a labelled value: printing it is refused.
n = taint(6, "count")
m = n * 7 + 1
print(m)
