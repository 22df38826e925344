# try/except/else/finally run in a fixed order.
def attempt(x):
    log = []
    try:
        log.append("try")
        r = 10 // x
        log.append("computed")
    except ZeroDivisionError:
        log.append("except")
        r = None
    else:
        log.append("else")
    finally:
        log.append("finally")
    return r, log
print(attempt(2))
print(attempt(0))
def nested():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", e)
    finally:
        print("outer finally")
nested()
