# Uncaught NameError for an undefined name.
def greet(name):
    return "hello " + name
print("start")
print(greet("world"))
names = ["a", "b"]
for n in names:
    print(greet(n))
print("about to use an undefined name")
print(completely_undefined_variable)
print("not reached")
