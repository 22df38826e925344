# Twin of hello.calc (calc has no strings yet, so it prints an integer).
print(42)
