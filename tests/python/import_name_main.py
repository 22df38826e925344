# __name__ is "__main__" in the program, the module name in an imported module.
import mod_util
print(__name__, mod_util.NAME, mod_util.mod_shapes.__name__)
def main():
    print("main called")
if __name__ == "__main__":
    main()
import mod_shapes
print(mod_shapes.__name__ == "mod_shapes", __name__ == "__main__")
print(mod_util.mod_shapes is mod_shapes)
