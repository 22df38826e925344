# partition/rpartition always return a 3-tuple.
print("key=value=more".partition("="))
print("key=value=more".rpartition("="))
print("novalue".partition("="))
print("novalue".rpartition("="))
print("a.b.c".partition("."), "a.b.c".rpartition("."))
line = "Content-Type: text/html"
head, sep, tail = line.partition(": ")
print(head, "|", sep, "|", tail)
print("a=b".partition("=")[2], "".partition("x"), "x".rpartition("x"))
