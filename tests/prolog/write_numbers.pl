:- initialization(main).

main :-
    writeq([1, -1, 1.0, -0.5, 100000000000000.0, 1.0e15, 1.0e-4, 1.0e-5, 123.456, 2.5e100]), nl,
    X is 10 ** 20, writeq(X), nl, Y is -(10 ** 20), writeq(Y), nl,
    writeq(- 1), nl, writeq(-(1)), nl, writeq(1 - 1), nl.
