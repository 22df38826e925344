# The "done when" sample: int and str annotations, and a definite type error.
def greet(name):
    message = "hello " + name
    return message

def count_up(limit):
    i = 0
    while i < limit:
        i = i + 1
    return i

def never_called():
    return 1 + "a"

if False:
    print(1 + "a")

print(greet("ann"), count_up(3))
print(1 + "a")
