# Uncaught TypeError: wrong number of arguments.
def pair(a, b):
    return (a, b)
print(pair(1, 2))
print(pair(b=1, a=2))
args = [3, 4]
print(pair(*args))
print("now with one argument")
print(pair(1))
print("not reached")
