user = taint("ada", "user")
print("{} logged in".format(user))
