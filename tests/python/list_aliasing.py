# Assignment shares the list object; is vs ==.
a = [1, 2, 3]
b = a
c = list(a)
b.append(4)
print(a, b, c)
print(a is b, a is c, a == c + [4])
def mutate(lst):
    lst.append("m")
def rebind(lst):
    lst = ["new"]
    return lst
mutate(a)
r = rebind(a)
print(a, r)
