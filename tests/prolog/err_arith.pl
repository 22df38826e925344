:- initialization(main).

main :-
    X is 1 + a, write(X).
