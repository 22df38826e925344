# with statements call __enter__ and __exit__ in order, binding the result of __enter__.
log = []
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        log.append("enter " + self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        log.append("exit %s %s" % (self.name, exc_type.__name__ if exc_type else None))
        return False
with Resource("a") as r:
    log.append("body " + r)
with Resource("outer") as o, Resource("inner") as i:
    log.append("both " + o + " " + i)
try:
    with Resource("err"):
        raise ValueError("oops")
except ValueError as e:
    log.append("caught " + str(e))
for line in log:
    print(line)
