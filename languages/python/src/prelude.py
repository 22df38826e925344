# Workbench's Python prelude: the builtins best written in Python itself.
# Compiled and run once per interpreter in the builtins namespace, after the
# Rust builtins (builtins/), so every top-level name here is a builtin and
# private helpers are named _wb_.... Hidden natives used: __wb_bind__(f, obj)
# (a bound method), __wb_fill_module__(name, dict) (binds entries in a
# module), __wb_write__(s) / __wb_write_err__(s) (output, error output).
# Contents: exceptions; property, staticmethod, classmethod; Ellipsis;
# iter(f, sentinel); modules sys (exit, stdout, stderr), string, functools,
# itertools, operator. (enumerate, zip, map, filter, reversed are native.)

_wb_missing = object()


# ---- exceptions -------------------------------------------------------------------

class BaseException:
    args = ()
    __context__ = None
    __cause__ = None
    __suppress_context__ = False
    __traceback__ = None

    def __init__(self, *args):
        self.args = args

    def __str__(self):
        args = self.args
        if len(args) == 0:
            return ""
        if len(args) == 1:
            return str(args[0])
        return str(args)

    def __repr__(self):
        args = self.args
        name = type(self).__name__
        if len(args) == 1:
            return name + "(" + repr(args[0]) + ")"
        return name + repr(args)

    def with_traceback(self, tb):
        self.__traceback__ = tb
        return self


class Exception(BaseException): pass
class GeneratorExit(BaseException): pass
class KeyboardInterrupt(BaseException): pass

class SystemExit(BaseException):
    def __init__(self, *args):
        self.args = args
        if len(args) == 0:
            self.code = None
        elif len(args) == 1:
            self.code = args[0]
        else:
            self.code = args

class StopIteration(Exception):
    def __init__(self, *args):
        self.args = args
        if len(args) > 0:
            self.value = args[0]
        else:
            self.value = None

class ArithmeticError(Exception): pass
class FloatingPointError(ArithmeticError): pass
class OverflowError(ArithmeticError): pass
class ZeroDivisionError(ArithmeticError): pass
class AssertionError(Exception): pass
class AttributeError(Exception): pass
class EOFError(Exception): pass

class ImportError(Exception):
    name = None
    path = None

class ModuleNotFoundError(ImportError): pass
class LookupError(Exception): pass
class IndexError(LookupError): pass

class KeyError(LookupError):
    # Errors raised by the framework carry the key's repr in _wb_message.
    def __str__(self):
        message = getattr(self, "_wb_message", None)
        if message is not None:
            return message
        if len(self.args) == 1:
            return repr(self.args[0])
        return BaseException.__str__(self)

    def __repr__(self):
        message = getattr(self, "_wb_message", None)
        if message is not None:
            return type(self).__name__ + "(" + message + ")"
        return BaseException.__repr__(self)

class MemoryError(Exception): pass
class NameError(Exception): pass
class UnboundLocalError(NameError): pass
class OSError(Exception): pass
EnvironmentError = OSError
IOError = OSError

class ConnectionError(OSError): pass
class FileExistsError(OSError): pass
class FileNotFoundError(OSError): pass
class IsADirectoryError(OSError): pass
class NotADirectoryError(OSError): pass
class PermissionError(OSError): pass
class TimeoutError(OSError): pass
class ReferenceError(Exception): pass
class RuntimeError(Exception): pass
class NotImplementedError(RuntimeError): pass
class RecursionError(RuntimeError): pass
class SyntaxError(Exception): pass
class IndentationError(SyntaxError): pass
class TabError(IndentationError): pass
class SystemError(Exception): pass
class TypeError(Exception): pass
class ValueError(Exception): pass
class UnicodeError(ValueError): pass
class UnicodeDecodeError(UnicodeError): pass
class UnicodeEncodeError(UnicodeError): pass
class Warning(Exception): pass
class UserWarning(Warning): pass
class DeprecationWarning(Warning): pass
class PendingDeprecationWarning(Warning): pass
class SyntaxWarning(Warning): pass
class RuntimeWarning(Warning): pass
class FutureWarning(Warning): pass
class ImportWarning(Warning): pass
class UnicodeWarning(Warning): pass
class BytesWarning(Warning): pass
class ResourceWarning(Warning): pass


# ---- descriptors ------------------------------------------------------------------

def _wb_property_name(prop):
    name = getattr(prop.fget, "__name__", None)
    if name is None:
        return ""
    return repr(name) + " "


class property:
    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        if self.fget is None:
            raise AttributeError("property " + _wb_property_name(self) + "of '"
                                 + type(obj).__name__ + "' object has no getter")
        return self.fget(obj)

    def __set__(self, obj, value):
        if self.fset is None:
            raise AttributeError("property " + _wb_property_name(self) + "of '"
                                 + type(obj).__name__ + "' object has no setter")
        self.fset(obj, value)

    def __delete__(self, obj):
        if self.fdel is None:
            raise AttributeError("property " + _wb_property_name(self) + "of '"
                                 + type(obj).__name__ + "' object has no deleter")
        self.fdel(obj)

    def getter(self, fget):
        return type(self)(fget, self.fset, self.fdel, self.__doc__)

    def setter(self, fset):
        return type(self)(self.fget, fset, self.fdel, self.__doc__)

    def deleter(self, fdel):
        return type(self)(self.fget, self.fset, fdel, self.__doc__)


class staticmethod:
    def __init__(self, function):
        self.__func__ = function

    def __get__(self, obj, objtype=None):
        return self.__func__

    def __call__(self, *args, **kwargs):
        return self.__func__(*args, **kwargs)


class classmethod:
    def __init__(self, function):
        self.__func__ = function

    def __get__(self, obj, objtype=None):
        if objtype is None:
            objtype = type(obj)
        return __wb_bind__(self.__func__, objtype)


def _wb_make_ellipsis():
    class ellipsis:
        def __repr__(self):
            return "Ellipsis"
    return ellipsis()


Ellipsis = _wb_make_ellipsis()


# ---- iteration --------------------------------------------------------------------

def _wb_callable_iter(function, sentinel):
    # iter(function, sentinel)
    while True:
        x = function()
        if x == sentinel:
            return
        yield x


# ---- sys, string ------------------------------------------------------------------

def _wb_make_stream(write):
    class TextIOWrapper:
        def __init__(self, write):
            self._wb_write = write

        def write(self, s):
            if type(s) is not str:
                raise TypeError("write() argument must be str, not " + type(s).__name__)
            return self._wb_write(s)

        def flush(self):
            pass
    return TextIOWrapper(write)


def exit(*args):
    raise SystemExit(*args)


quit = exit

__wb_fill_module__("sys", {
    "exit": exit,
    "stdout": _wb_make_stream(__wb_write__),
    "stderr": _wb_make_stream(__wb_write_err__),
})

def _wb_make_string():
    lower = "abcdefghijklmnopqrstuvwxyz"
    upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
    whitespace = " \t\n\r\x0b\x0c"
    return {
        "ascii_lowercase": lower, "ascii_uppercase": upper, "ascii_letters": lower + upper,
        "digits": "0123456789", "hexdigits": "0123456789abcdefABCDEF", "octdigits": "01234567",
        "punctuation": punctuation, "whitespace": whitespace,
        "printable": "0123456789" + lower + upper + punctuation + whitespace,
    }


__wb_fill_module__("string", _wb_make_string())


# ---- functools --------------------------------------------------------------------

def _wb_make_functools():
    def reduce(function, iterable, initial=_wb_missing):
        it = iter(iterable)
        if initial is _wb_missing:
            value = next(it, _wb_missing)
            if value is _wb_missing:
                raise TypeError("reduce() of empty iterable with no initial value")
        else:
            value = initial
        for x in it:
            value = function(value, x)
        return value

    class partial:
        def __init__(self, func, *args, **keywords):
            if not callable(func):
                raise TypeError("the first argument must be callable")
            self.func = func
            self.args = args
            self.keywords = keywords

        def __call__(self, *args, **keywords):
            merged = dict(self.keywords)
            merged.update(keywords)
            return self.func(*(self.args + args), **merged)

        def __repr__(self):
            parts = [repr(self.func)]
            for a in self.args:
                parts.append(repr(a))
            for k, v in self.keywords.items():
                parts.append(k + "=" + repr(v))
            return "functools.partial(" + ", ".join(parts) + ")"

    class _lru_cache_wrapper:
        def __init__(self, function, maxsize):
            self.__wrapped__ = function
            self._wb_cache = {}
            self._wb_maxsize = maxsize
            self._wb_hits = 0
            self._wb_misses = 0

        def __call__(self, *args, **kwargs):
            key = args
            if kwargs:
                key = args + (_wb_missing,) + tuple(sorted(kwargs.items()))
            cache = self._wb_cache
            result = cache.get(key, _wb_missing)
            if result is not _wb_missing:
                self._wb_hits += 1
                return result
            self._wb_misses += 1
            result = self.__wrapped__(*args, **kwargs)
            maxsize = self._wb_maxsize
            if maxsize is not None and len(cache) >= maxsize > 0:
                del cache[next(iter(cache))]
            if maxsize is None or maxsize > 0:
                cache[key] = result
            return result

        def __get__(self, obj, objtype=None):
            if obj is None:
                return self
            return __wb_bind__(self, obj)

        def cache_clear(self):
            self._wb_cache = {}
            self._wb_hits = 0
            self._wb_misses = 0

        def cache_info(self):
            return ("CacheInfo(hits=" + str(self._wb_hits) + ", misses=" + str(self._wb_misses)
                    + ", maxsize=" + str(self._wb_maxsize) + ", currsize=" + str(len(self._wb_cache)) + ")")

    def lru_cache(maxsize=128, typed=False):
        if callable(maxsize) and not isinstance(maxsize, int):
            return _lru_cache_wrapper(maxsize, 128)

        def decorator(function):
            return _lru_cache_wrapper(function, maxsize)
        return decorator

    def cache(function):
        return _lru_cache_wrapper(function, None)

    def wraps(wrapped, assigned=None, updated=None):
        def decorator(wrapper):
            return wrapper
        return decorator

    def cmp_to_key(mycmp):
        class K:
            def __init__(self, obj):
                self.obj = obj

            def __lt__(self, other):
                return mycmp(self.obj, other.obj) < 0

            def __gt__(self, other):
                return mycmp(self.obj, other.obj) > 0

            def __eq__(self, other):
                return mycmp(self.obj, other.obj) == 0

            def __le__(self, other):
                return mycmp(self.obj, other.obj) <= 0

            def __ge__(self, other):
                return mycmp(self.obj, other.obj) >= 0
        return K

    def total_ordering(cls):
        d = cls.__dict__
        if "__lt__" in d:
            if "__gt__" not in d:
                cls.__gt__ = lambda a, b: not (a < b) and a != b
            if "__le__" not in d:
                cls.__le__ = lambda a, b: a < b or a == b
            if "__ge__" not in d:
                cls.__ge__ = lambda a, b: not (a < b)
        elif "__le__" in d:
            if "__ge__" not in d:
                cls.__ge__ = lambda a, b: not (a <= b) or a == b
            if "__lt__" not in d:
                cls.__lt__ = lambda a, b: a <= b and a != b
            if "__gt__" not in d:
                cls.__gt__ = lambda a, b: not (a <= b)
        elif "__gt__" in d:
            if "__lt__" not in d:
                cls.__lt__ = lambda a, b: not (a > b) and a != b
            if "__ge__" not in d:
                cls.__ge__ = lambda a, b: a > b or a == b
            if "__le__" not in d:
                cls.__le__ = lambda a, b: not (a > b)
        elif "__ge__" in d:
            if "__le__" not in d:
                cls.__le__ = lambda a, b: not (a >= b) or a == b
            if "__gt__" not in d:
                cls.__gt__ = lambda a, b: a >= b and a != b
            if "__lt__" not in d:
                cls.__lt__ = lambda a, b: not (a >= b)
        else:
            raise ValueError("must define at least one ordering operation: < > <= >=")
        return cls

    return {
        "reduce": reduce, "partial": partial, "lru_cache": lru_cache, "cache": cache,
        "wraps": wraps, "cmp_to_key": cmp_to_key, "total_ordering": total_ordering,
    }


__wb_fill_module__("functools", _wb_make_functools())


# ---- itertools --------------------------------------------------------------------

def _wb_make_itertools():
    def count(start=0, step=1):
        n = start
        while True:
            yield n
            n += step

    def cycle(iterable):
        saved = []
        for x in iterable:
            yield x
            saved.append(x)
        while saved:
            for x in saved:
                yield x

    def repeat(obj, times=None):
        if times is None:
            while True:
                yield obj
        else:
            for _ in range(times):
                yield obj

    def accumulate(iterable, func=None, initial=None):
        it = iter(iterable)
        total = initial
        if initial is None:
            total = next(it, _wb_missing)
            if total is _wb_missing:
                return
        yield total
        for x in it:
            if func is None:
                total = total + x
            else:
                total = func(total, x)
            yield total

    def _chain(iterables):
        for it in iterables:
            for x in it:
                yield x

    class chain:
        def __init__(self, *iterables):
            self._wb_it = _chain(iterables)

        def __iter__(self):
            return self

        def __next__(self):
            return next(self._wb_it)

        @staticmethod
        def from_iterable(iterables):
            return _chain(iterables)

    def compress(data, selectors):
        for d, s in zip(data, selectors):
            if s:
                yield d

    def dropwhile(predicate, iterable):
        it = iter(iterable)
        for x in it:
            if not predicate(x):
                yield x
                break
        for x in it:
            yield x

    def takewhile(predicate, iterable):
        for x in iterable:
            if not predicate(x):
                return
            yield x

    def filterfalse(predicate, iterable):
        if predicate is None:
            predicate = bool
        for x in iterable:
            if not predicate(x):
                yield x

    def groupby(iterable, key=None):
        group = []
        current = _wb_missing
        for x in iterable:
            k = x if key is None else key(x)
            if current is not _wb_missing and k != current:
                yield (current, iter(group))
                group = []
            current = k
            group.append(x)
        if current is not _wb_missing:
            yield (current, iter(group))

    def _islice(it, start, stop, step):
        i = 0
        wanted = start
        while stop is None or i < stop:
            x = next(it, _wb_missing)
            if x is _wb_missing:
                return
            if i == wanted:
                yield x
                wanted += step
            i += 1

    def islice(iterable, *args):
        s = slice(*args)
        start = 0 if s.start is None else s.start
        step = 1 if s.step is None else s.step
        for v in (s.start, s.stop):
            if v is not None and (not isinstance(v, int) or v < 0):
                raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        if not isinstance(step, int) or step <= 0:
            raise ValueError("Step for islice() must be a positive integer or None.")
        return _islice(iter(iterable), start, s.stop, step)

    def starmap(function, iterable):
        for args in iterable:
            yield function(*args)

    def tee(iterable, n=2):
        items = list(iterable)
        return tuple([iter(items) for _ in range(n)])

    def zip_longest(*iterables, fillvalue=None):
        its = [iter(x) for x in iterables]
        active = len(its)
        if not active:
            return
        while True:
            values = []
            for i in range(len(its)):
                x = next(its[i], _wb_missing)
                if x is _wb_missing:
                    active -= 1
                    if not active:
                        return
                    its[i] = repeat(fillvalue)
                    x = fillvalue
                values.append(x)
            yield tuple(values)

    def pairwise(iterable):
        it = iter(iterable)
        a = next(it, _wb_missing)
        if a is _wb_missing:
            return
        for b in it:
            yield (a, b)
            a = b

    def _product(pools):
        n = len(pools)
        for p in pools:
            if not p:
                return
        idx = [0] * n
        while True:
            yield tuple([pools[i][idx[i]] for i in range(n)])
            i = n - 1
            while i >= 0:
                idx[i] += 1
                if idx[i] < len(pools[i]):
                    break
                idx[i] = 0
                i -= 1
            if i < 0:
                return

    def product(*iterables, repeat=1):
        pools = [tuple(p) for p in iterables] * repeat
        return _product(pools)

    def permutations(iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        r = n if r is None else r
        if r > n:
            return
        indices = list(range(n))
        cycles = list(range(n, n - r, -1))
        yield tuple([pool[i] for i in indices[:r]])
        while n:
            for i in reversed(range(r)):
                cycles[i] -= 1
                if cycles[i] == 0:
                    indices[i:] = indices[i + 1:] + indices[i:i + 1]
                    cycles[i] = n - i
                else:
                    j = cycles[i]
                    indices[i], indices[-j] = indices[-j], indices[i]
                    yield tuple([pool[i] for i in indices[:r]])
                    break
            else:
                return

    def combinations(iterable, r):
        pool = tuple(iterable)
        n = len(pool)
        if r > n:
            return
        indices = list(range(r))
        yield tuple([pool[i] for i in indices])
        while True:
            for i in reversed(range(r)):
                if indices[i] != i + n - r:
                    break
            else:
                return
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
            yield tuple([pool[i] for i in indices])

    def combinations_with_replacement(iterable, r):
        pool = tuple(iterable)
        n = len(pool)
        if not n and r:
            return
        indices = [0] * r
        yield tuple([pool[i] for i in indices])
        while True:
            for i in reversed(range(r)):
                if indices[i] != n - 1:
                    break
            else:
                return
            indices[i:] = [indices[i] + 1] * (r - i)
            yield tuple([pool[i] for i in indices])

    return {
        "count": count, "cycle": cycle, "repeat": repeat, "accumulate": accumulate, "chain": chain,
        "compress": compress, "dropwhile": dropwhile, "takewhile": takewhile, "filterfalse": filterfalse,
        "groupby": groupby, "islice": islice, "starmap": starmap, "tee": tee, "zip_longest": zip_longest,
        "pairwise": pairwise, "product": product, "permutations": permutations,
        "combinations": combinations, "combinations_with_replacement": combinations_with_replacement,
    }


__wb_fill_module__("itertools", _wb_make_itertools())


# ---- operator ---------------------------------------------------------------------

def _wb_make_operator():
    def itemgetter(*items):
        if len(items) == 1:
            item = items[0]
            return lambda obj: obj[item]
        return lambda obj: tuple([obj[i] for i in items])

    def attrgetter(*names):
        def get(obj, name):
            for part in name.split("."):
                obj = getattr(obj, part)
            return obj
        if len(names) == 1:
            name = names[0]
            return lambda obj: get(obj, name)
        return lambda obj: tuple([get(obj, n) for n in names])

    def methodcaller(name, *args, **kwargs):
        return lambda obj: getattr(obj, name)(*args, **kwargs)

    return {
        "add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
        "truediv": lambda a, b: a / b, "floordiv": lambda a, b: a // b, "mod": lambda a, b: a % b,
        "pow": lambda a, b: a ** b, "neg": lambda a: -a, "pos": lambda a: +a, "not_": lambda a: not a,
        "and_": lambda a, b: a & b, "or_": lambda a, b: a | b, "xor": lambda a, b: a ^ b,
        "eq": lambda a, b: a == b, "ne": lambda a, b: a != b, "lt": lambda a, b: a < b,
        "le": lambda a, b: a <= b, "gt": lambda a, b: a > b, "ge": lambda a, b: a >= b,
        "contains": lambda a, b: b in a, "getitem": lambda a, b: a[b], "truth": lambda a: bool(a),
        "is_": lambda a, b: a is b, "is_not": lambda a, b: a is not b, "abs": abs, "index": lambda a: a.__index__(),
        "itemgetter": itemgetter, "attrgetter": attrgetter, "methodcaller": methodcaller,
    }


__wb_fill_module__("operator", _wb_make_operator())
del _wb_make_ellipsis, _wb_make_stream, _wb_make_string, _wb_make_functools, _wb_make_itertools, _wb_make_operator


def _wb_seq_iter(obj):
    # iter() of an object with __getitem__ but no __iter__: 0, 1, 2, ... until IndexError.
    i = 0
    while True:
        try:
            v = obj[i]
        except IndexError:
            return
        yield v
        i += 1
