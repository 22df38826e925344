# strip/lstrip/rstrip, with and without a set of characters.
s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixyx".strip("x"), "xxhixyx".strip("xy"), "xxhixyx".lstrip("x"), "xxhixyx".rstrip("xy"))
print("www.example.com".strip("cmowz."))
print(repr("".strip()), repr("   ".strip()), "abc".strip("abc") == "")
print("0012300".strip("0"), "0012300".lstrip("0"), "0012300".rstrip("0"))
line = "\t  key = value  \n"
key, _, value = line.strip().partition("=")
print(repr(key.strip()), repr(value.strip()))
print("--==text==--".strip("-="), "..path/..".rstrip("./"))
