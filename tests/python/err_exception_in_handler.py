# An error raised while handling another is reported with both.
data = {"first": 1}
try:
    print(data["first"])
    print(data["second"])
except KeyError as e:
    print("handling KeyError", e)
    items = []
    print(len(items))
    print(items[0])
print("not reached")
