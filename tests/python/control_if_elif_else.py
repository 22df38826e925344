# if / elif / else chains.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
for n in [-5, 0, 7, 42, 1000]:
    print(n, classify(n))
x = 15
if x % 3 == 0 and x % 5 == 0:
    print("fizzbuzz")
if x > 100:
    print("never")
if not []:
    print("empty list is falsy")
