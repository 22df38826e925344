:- initialization(main).

main :-
    X = (a :- b, c ; d -> e), writeq(X), nl,
    writeq(1 + 2 * 3 - (4 - 5)), nl, writeq(2 ** (3 ^ 4)), nl, writeq(- (1)), nl, writeq(- a), nl,
    writeq(1 - -1), nl, writeq(a = (\+ b)), nl, writeq(f(';', '|', (a, b))), nl,
    writeq([a | b]), nl, writeq({x, y}), nl, writeq(-(-(1))), nl, writeq((a , b)), nl.
