# Exceptions are followed conservatively: a handler sees any value.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        return None

def risky(x):
    try:
        return x + 1
    except TypeError:
        return -1

print(parse("12"), parse("x"), risky(1), risky("a"))
