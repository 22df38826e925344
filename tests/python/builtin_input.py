# input() reads one line from stdin without the newline.
name = input()
age = int(input())
print("Hello, " + name + "!")
print("Next year you will be", age + 1)
rest = input("prompt> ")
print("got", repr(rest))
