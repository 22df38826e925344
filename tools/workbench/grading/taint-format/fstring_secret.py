password = taint("hunter2", "password")
print("checking")
print(f"your password is {password}")
