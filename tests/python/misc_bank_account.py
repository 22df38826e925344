# A small class-based program: accounts, transfers and errors.
class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__("insufficient funds: need %d more" % needed)
        self.needed = needed
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        self.balance += amount
        self.history.append(("dep", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount - self.balance)
        self.balance -= amount
        self.history.append(("wd", amount))
    def __repr__(self):
        return "Account(%s, %d)" % (self.owner, self.balance)
def transfer(a, b, amount):
    a.withdraw(amount)
    b.deposit(amount)
alice = Account("alice", 100)
bob = Account("bob")
transfer(alice, bob, 30)
try:
    transfer(bob, alice, 50)
except InsufficientFunds as e:
    print(e, e.needed)
print(alice, bob, alice.history, bob.history)
