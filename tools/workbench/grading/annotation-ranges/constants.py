# Sums and differences of constants are exact.
def five():
    return 2 + 3

def seven():
    x = 10
    y = x - 3
    return y

print(five(), seven())
