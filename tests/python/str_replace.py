# str.replace, with an optional count.
s = "one fish two fish red fish blue fish"
print(s.replace("fish", "cat"))
print(s.replace("fish", "cat", 2))
print(s.replace("fish", "", 1))
print(s.replace("whale", "cat"))
print("aaaa".replace("aa", "b"), "aaa".replace("a", "aa"))
print("abc".replace("", "-"))
print("hello".replace("l", "L", 0))
print("a.b.c".replace(".", "/", 1), "tic-tac".replace("-", "").upper())
