# The "done when": printing a value derived from taint(...) is refused,
# and the TaintError names the label. (taint_declassify.py is the same program
# with the value declassified first.)
password = taint("hunter2", "password")
greeting = "Your password is " + password.upper()
print("before the refusal")
print(greeting)
print("never printed")
