# A TaintError cannot be caught: a handler would turn the refusal into a leak.
secret = taint(7, "secret")
try:
    print(secret)
except Exception:
    print("caught")
