# pass in blocks, functions and classes; ellipsis as a statement.
def todo():
    pass
class Empty:
    pass
for i in range(3):
    pass
if True:
    pass
else:
    pass
def stub():
    ...
print(todo(), stub(), Empty.__name__, i, ...)
