# Function attributes: __name__, __doc__, custom attributes.
def documented(x):
    """Return x unchanged."""
    return x
def bare():
    pass
print(documented.__name__, documented.__doc__, bare.__doc__)
documented.calls = 0
documented.calls += 1
print(documented.calls)
print(type(documented).__name__)
