# Uncaught ValueError from int().
def parse(fields):
    out = []
    for f in fields:
        out.append(int(f))
        print("parsed", f)
    return out
print(parse(["1", "22", "333"]))
print(sum(parse(["4", "5"])))
print(parse(["12", "twelve", "13"]))
print("not reached")
