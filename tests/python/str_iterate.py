# Iterating over a string yields 1-character strings.
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
vowels = 0
for ch in "The quick brown fox":
    if ch.lower() in "aeiou":
        vowels += 1
print(vowels)
print(list("abc"), tuple("xy"), sorted("hello"))
for i, ch in enumerate("abc"):
    print(i, ch)
