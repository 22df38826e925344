name = "Ada"
n = 3
print(f"{name} has {n:>3} items", "%s-%d" % (name, n), "{0}{0}".format(name), format(2.5, ".2f"))
