# Same as taint_print_refused.py, but the program declassifies the value
# explicitly before printing it, so the run succeeds.
password = taint("hunter2", "password")
greeting = "Your password is " + password.upper()
print("before the refusal")
print(declassify(greeting))
print("printed")
