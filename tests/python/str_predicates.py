# is* predicates on strings.
samples = ["123", "abc", "abc123", "   ", "", "Hello", "HELLO", "hello", " \t\n", "12.5", "½", "éa"]
for s in samples:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower())
print("Hello World".istitle(), "hello world".istitle(), "42".isdecimal(), "x1".isidentifier())
print("".isdigit(), "0".isdigit(), "-1".isdigit(), "١٢".isdigit())
print("abc def".isalpha(), "abcdef".isalpha(), "ÄÖÜ".isalpha())
print("A1".isupper(), "a1".islower(), "123".isupper(), "Ab".isupper())
counts = {"digits": 0, "alpha": 0, "space": 0, "other": 0}
for ch in "Hello, World 2024!":
    if ch.isdigit():
        counts["digits"] += 1
    elif ch.isalpha():
        counts["alpha"] += 1
    elif ch.isspace():
        counts["space"] += 1
    else:
        counts["other"] += 1
print(counts)
