# Local vs global lookup; UnboundLocalError when a local is read before assignment.
x = "global"
def read():
    return x
def shadow():
    x = "local"
    return x
def broken():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 1
print(read(), shadow(), x)
broken()
def outer():
    y = 1
    def inner():
        return y + 1
    return inner()
print(outer())
