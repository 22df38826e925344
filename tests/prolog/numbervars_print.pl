:- initialization(main).

main :-
    T = f(X, Y, X), numbervars(T, 0, End), print(T), nl, write(End), nl, (nonvar(Y) -> true ; true).
