# Without --taint-input, input is not labelled: the taint space runs the program as is.
name = input()
print("hello " + name)
