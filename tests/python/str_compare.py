# Lexicographic string comparison by code point.
print("apple" < "banana", "apple" < "Apple", "a" < "aa", "abc" == "abc", "abc" != "abd")
print("Z" < "a", "10" < "9", "" < "a", "abc" > "abd")
print(sorted(["banana", "Apple", "cherry", "apple", "Banana", "10", "9"]))
print(max("hello"), min("hello"), max(["aa", "b", "ab"]))
print("a" * 3 == "aaa", "é" > "z")
words = ["delta", "alpha", "Charlie", "bravo"]
print(sorted(words), sorted(words, key=str.lower))
print("abc" < "abd" < "abe", "a" < "b" > "a")
print("abc" == "ABC".lower(), "ß" > "s", "Z" < "z")
print(min(words), max(words, key=len))
