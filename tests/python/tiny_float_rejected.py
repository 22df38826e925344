# The tiny space has no floats: the literal is refused before anything runs.
count = 10
x = 1.5
print(count * x)
