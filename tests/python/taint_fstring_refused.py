# An f-string with a labelled field is labelled (the formatting rule).
user = taint("ada", "user")
print(f"hello {user}")
