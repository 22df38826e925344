# An object whose __str__ reads a labelled attribute prints labelled text.
class Account:
    def __init__(self, balance):
        self.balance = balance
    def __str__(self):
        return "Account(" + str(self.balance) + ")"
acct = Account(taint(100, "balance"))
print(len([acct]))
print(acct)
