# Uncaught NameError for an undefined name.
print("start")
print(completely_undefined_variable)
