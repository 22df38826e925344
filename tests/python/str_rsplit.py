# str.rsplit splits from the right; differs from split only with maxsplit.
s = "a/b/c/d"
print(s.rsplit("/"), s.rsplit("/", 1), s.rsplit("/", 2))
print(s.split("/", 1), s.rsplit("/", maxsplit=1))
print("  x  y  z  ".rsplit(None, 1))
print("path.to.module.name".rsplit(".", 1)[0])
print("nodots".rsplit(".", 1))
