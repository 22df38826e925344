# Keyword-only parameters after * or *args.
def connect(host, *, port=80, secure=False):
    return "%s:%d%s" % (host, port, " (tls)" if secure else "")
print(connect("example.org"))
print(connect("example.org", port=443, secure=True))
try:
    connect("example.org", 443)
except TypeError as e:
    print("TypeError:", e)
def req(*, key):
    return key
print(req(key="k"))
try:
    req()
except TypeError as e:
    print("TypeError:", e)
