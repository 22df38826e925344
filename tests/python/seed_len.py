print(len('hello world'))
