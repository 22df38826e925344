:- initialization(main).
same(X, Y) :- ( X == Y -> write(same) ; write(different) ), nl.
main :-
    same(X, Y), X = Y, same(X, Y).
