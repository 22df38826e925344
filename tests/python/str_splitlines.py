# splitlines handles \n, \r\n and \r, and can keep line ends.
text = "first\nsecond\r\nthird\rfourth\n\nsixth"
print(text.splitlines())
print(text.splitlines(True))
print("no newline".splitlines(), "".splitlines(), "trailing\n".splitlines())
print("a\nb\n".split("\n"))
for i, line in enumerate("x = 1\ny = 2\nz = 3".splitlines(), 1):
    print(i, line)
poem = """roses are red
violets are blue
"""
print(len(poem.splitlines()), [len(l) for l in poem.splitlines()])
