# A few more str methods: expandtabs, casefold, removeprefix/removesuffix, isnumeric.
print("a\tb\tc".expandtabs(4), "|")
print("Straße".casefold() == "STRASSE".casefold())
print("unittest_case".removeprefix("unittest_"), "file.tar.gz".removesuffix(".gz"), "x".removeprefix("y"))
print("ab".join("12"), "-".join(["a"] * 3))
print("Hello"[1:].upper() + "Hello"[0].lower())
print(str(123) + str(4.5) + str(None) + str(True) + str([1, "a"]))
