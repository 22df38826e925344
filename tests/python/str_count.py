# str.count counts non-overlapping occurrences.
s = "banana band bandana"
print(s.count("a"), s.count("an"), s.count("ana"), s.count("band"), s.count("x"))
print("aaaa".count("aa"), "abc".count(""), s.count("a", 10), s.count("a", 0, 6))
text = "the rain in spain falls mainly on the plain"
for w in ["ain", "the", "in", " "]:
    print(repr(w), text.count(w))
print("".count("a"), "".count(""), "aaa".count("a", 1), "aaa".count("aa", 1))
print("hello world".count("o", 5), "hello world".count("l", -3))
dna = "AGCTTAGCTAAGCT"
print({base: dna.count(base) for base in "ACGT"}, dna.count("AGCT"))
