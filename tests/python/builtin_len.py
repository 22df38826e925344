# len() on builtin containers and user classes.
print(len("hello"), len(""), len([1, 2, 3]), len(()), len({"a": 1}), len({1, 2}), len(range(10)))
print(len("héllo"), len([[1, 2], [3]]), len(range(0, 100, 7)))
class Sized:
    def __len__(self):
        return 17
print(len(Sized()))
try:
    len(42)
except TypeError as e:
    print("TypeError:", e)
