# Lists, dicts and tuples; loops; a union from if/else; recursion.
def total(xs):
    t = 0
    for x in xs:
        t = t + x
    return t

def pair(n):
    return (n, str(n))

def pick(flag):
    if flag:
        result = 1
    else:
        result = "one"
    return result

def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)

squares = [i * i for i in range(5)]
ages = {"ann": 31, "bob": 42}
names = []
for name in ages:
    names.append(name)
first, label = pair(3)
print(total(squares), ages["ann"], names, first, label, pick(True), pick(False), depth(4))
