# raise ... from sets __cause__; raise ... from None suppresses context.
class ConfigError(Exception):
    pass
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise ConfigError("bad number: " + s) from e
try:
    parse("abc")
except ConfigError as e:
    print("ConfigError:", e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print("suppress:", e.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise ValueError("clean") from None
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
