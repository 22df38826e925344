:- initialization(main).

main :-
    ( f(X, b) = f(a, Y) -> write(X-Y) ; write(no) ), nl,
    ( f(a) = g(a) -> write(yes) ; write(no) ), nl,
    ( a \= b -> write(differ) ; write(same) ), nl,
    ( [H|T] = [1, 2, 3] -> write(H/T) ; true ), nl.
