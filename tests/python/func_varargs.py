# *args collects extra positional arguments into a tuple.
def total(*nums):
    print(type(nums).__name__, nums)
    return sum(nums)
print(total())
print(total(1, 2, 3))
def tag(name, *children, sep=""):
    return "<" + name + ">" + sep.join(children) + "</" + name + ">"
print(tag("p"))
print(tag("ul", "<li>a</li>", "<li>b</li>", sep="\n"))
args = (4, 5, 6)
print(total(*args), total(*args, 10, *[20]))
