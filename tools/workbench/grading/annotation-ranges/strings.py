# No integers to refine: the listing is the same with any rules.
def greet(name):
    return "hello " + name

print(greet("ann"))
