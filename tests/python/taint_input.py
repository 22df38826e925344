# With --taint-input, what input() reads is labelled "stdin" (and sys.argv
# "argv"); derived values carry the label until they are declassified.
name = input()
line = "hello " + name
print(declassify(len(line)))
print(declassify(line))
print(line)
