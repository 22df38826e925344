# Labels stay on the elements of containers: the list itself is clean, so its
# length may be printed, but its text comes from the elements and is refused.
secret = taint("s3cr3t", "secret")
items = ["a", "b"]
items.append(secret)
table = {"k": secret}
print(len(items), len(table))
print(items[0])
print(declassify(items[2]))
print(items)
