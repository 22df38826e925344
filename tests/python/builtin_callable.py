# callable() on functions, classes, instances and values.
class WithCall:
    def __call__(self):
        return "called"
class Plain:
    pass
print(callable(len), callable(lambda: 0), callable(Plain), callable(Plain()), callable(WithCall()), callable(None), callable("s"))
print(WithCall()())
print(callable(Plain.__init__), callable(WithCall().__call__), callable(print))
print(callable([].append), callable(str.upper), callable(1.5))
