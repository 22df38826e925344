# except Exception and bare except.
def run(f):
    try:
        return f()
    except Exception as e:
        return "error: " + type(e).__name__
print(run(lambda: 1 / 0), run(lambda: [][1]), run(lambda: None.x), run(lambda: "ok"))
try:
    undefined_name_here
except:
    print("bare except caught it")
try:
    raise SystemExit(0)
except Exception:
    print("not caught by Exception")
except BaseException as e:
    print("caught SystemExit via BaseException", e.code)
