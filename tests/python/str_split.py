# str.split with and without a separator, and with maxsplit.
s = "  the quick  brown\tfox\n jumps  "
print(s.split())
print(s.split(" "))
print("a,b,,c,".split(","))
print("a,b,,c,".split(",", 1))
print("a,b,,c,".split(",", maxsplit=2))
print("one two three four".split(None, 2))
print("".split(), "".split(","))
print("abc".split("abc"), "xxaxx".split("xx"))
print("1::2::3".split("::"))
words = "the cat sat on the mat".split()
print(len(words), words[-1])
