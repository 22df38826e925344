# Uncaught KeyError.
ages = {"ann": 31, "bob": 25}
print(ages["ann"])
for name in ["bob", "ann"]:
    print(name, ages[name])
ages["cy"] = 40
print(sorted(ages))
lookup = ["cy", "zed"]
for name in lookup:
    print(name, ages[name])
print("not reached")
