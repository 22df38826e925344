# Seed program: string concatenation, list building and a function.
def greet(name):
    return "Hello, " + name + "!"

names = []
for n in ["Armin", "Samuele", "Christian", "Holger"]:
    names.append(n)
names.append("Michael")

greetings = []
for n in names:
    greetings.append(greet(n))

print(len(names))
for g in greetings:
    print(g)
print(", ".join(names))
print(names[0] + " and " + names[-1])
