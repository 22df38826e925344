# raise ... from ...: uncaught, with its cause.
class ParseError(Exception):
    pass
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise ParseError("could not parse config") from e
print(parse("10"))
print(parse("x1"))
