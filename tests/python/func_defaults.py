# Default parameter values and keyword arguments.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(punct=".", name="Di", greeting="Bye"))
def power(base, exp=2):
    return base ** exp
print(power(3), power(2, 10), power(exp=3, base=4))
try:
    greet()
except TypeError as e:
    print("TypeError:", e)
try:
    greet("x", name="y")
except TypeError as e:
    print("TypeError:", e)
