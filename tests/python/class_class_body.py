# The class body runs like code: loops, conditionals, helper names.
class Config:
    print("class body runs once")
    names = []
    for i in range(3):
        names.append("opt%d" % i)
    if len(names) > 2:
        big = True
    del i
    def double(x):
        return x * 2
    doubled = double(21)
print(Config.names, Config.big, Config.doubled, hasattr(Config, "i"))
