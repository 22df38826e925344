# An error raised while handling another is reported with both.
try:
    {}["first"]
except KeyError:
    print("handling KeyError")
    [][0]
