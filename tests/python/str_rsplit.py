# str.rsplit splits from the right; differs from split only with maxsplit.
s = "a/b/c/d"
print(s.rsplit("/"), s.rsplit("/", 1), s.rsplit("/", 2))
print(s.split("/", 1), s.rsplit("/", maxsplit=1))
print("  x  y  z  ".rsplit(None, 1))
print("path.to.module.name".rsplit(".", 1)[0])
print("nodots".rsplit(".", 1))
print("a b c".rsplit(), "a  b".rsplit(" "), "".rsplit(","))
print("k=v=w".rsplit("=", 1), "k=v=w".split("=", 1))
print("1,2,3,4".rsplit(",", 2))
