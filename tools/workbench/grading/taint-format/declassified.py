secret = taint("s3cr3t", "secret")
shown = declassify(f"<{secret}>")
print(shown, declassify("%s" % secret), declassify("{}".format(secret)))
