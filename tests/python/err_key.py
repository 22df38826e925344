# Uncaught KeyError.
ages = {"ann": 31, "bob": 25}
print(ages["ann"])
print(ages["zed"])
