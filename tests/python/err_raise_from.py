# raise ... from ...: uncaught, with its cause.
class ParseError(Exception):
    pass
try:
    int("x1")
except ValueError as e:
    raise ParseError("could not parse config") from e
