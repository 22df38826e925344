# Single inheritance: overriding, calling base methods, isinstance.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " says " + self.sound
    def kind(self):
        return "animal"
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + " (squeaky)"
    def kind(self):
        return "young " + super().kind()
for a in [Animal("thing"), Dog("rex"), Puppy("bit")]:
    print(a.speak(), "|", a.kind(), isinstance(a, Dog))
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), Puppy.__bases__[0].__name__)
