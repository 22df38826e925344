:- initialization(main).

main :-
    X is _ + 1, write(X).
