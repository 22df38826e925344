# is* predicates on strings.
samples = ["123", "abc", "abc123", "   ", "", "Hello", "HELLO", "hello", " \t\n", "12.5", "½", "éa"]
for s in samples:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower())
print("Hello World".istitle(), "hello world".istitle(), "42".isdecimal(), "x1".isidentifier())
