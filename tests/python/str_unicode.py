# Strings are sequences of code points: len, indexing and slicing of non-ASCII text.
s = "héllo wörld"
print(s, len(s), s[1], s[7], s[::-1])
jp = "日本語テキスト"
print(jp, len(jp), jp[0], jp[-1], jp[2:4])
emoji = "a😀b"
print(len(emoji), emoji[1] == "😀", emoji.upper())
print("ü" in "Müller", "Müller".find("l"), "Müller".replace("ü", "ue"))
print([c for c in "ñandú"])
print(len("\u00e9"), "\u00e9" == "é", "\u03b1" == "α")
