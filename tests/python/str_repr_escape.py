# repr of strings picks quotes and escapes special characters.
print(repr("plain"), repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("tab\there"), repr("new\nline"), repr("back\\slash"), repr("\x00\x7f"))
print(repr("é"), repr("\u200b"), repr(""))
print(["a", "b'c"], ("x",), {"k": "v\n"})
print("raw:", r"\n\t", len(r"\n"))
print("a\tb|")
