# Counting words with a dict, then sorting by count and word.
text = """the quick brown fox jumps over the lazy dog the fox barks
and the dog sleeps while the quick fox runs"""
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(len(counts))
for w, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]:
    print(w, n)
print(sorted(w for w, n in counts.items() if n == 1))
