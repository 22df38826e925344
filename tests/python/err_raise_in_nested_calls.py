# An exception raised deep in a call chain and never caught.
def parse(tok):
    if not tok.isdigit():
        raise ValueError("bad token " + repr(tok))
    return int(tok)
def parse_all(text):
    return [parse(t) for t in text.split()]
print(parse_all("1 2 3"))
print(parse_all(""))
print(sum(parse_all("7 8 9")))
print(parse_all("4 five 6"))
print("not reached")
