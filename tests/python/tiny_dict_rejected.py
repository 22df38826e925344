# A dict display is refused when it is built, with the span of the display.
words = ["a", "b", "a"]
print(len(words))
counts = {}
print(counts)
