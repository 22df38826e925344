template = taint("{} is {}", "layout")
print(template.format("x", 1))
