:- initialization(main).

main :-
    succ(3, X), succ(Y, 10), plus(2, Z, 7), write([X, Y, Z]), nl.
