# isinstance/issubclass on builtin types.
print(isinstance(1, int), isinstance(1, float), isinstance(1.0, float), isinstance("a", str))
print(isinstance([], (list, tuple)), isinstance((), (list, tuple)), isinstance({}, (list, tuple)))
print(isinstance(None, object), isinstance(int, object), isinstance(len, object))
print(issubclass(bool, int), issubclass(int, bool), issubclass(list, object), issubclass(str, (int, str)))
try:
    isinstance(1, "int")
except TypeError as e:
    print("TypeError:", e)
print(isinstance(print, object), isinstance(3, (list, (tuple, int))))
