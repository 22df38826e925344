:- initialization(main).
:- dynamic fact/1.
:- dynamic double/2.
main :-
    ( fact(x) -> write(yes) ; write(no) ), nl,
    assertz(fact(x)), ( fact(x) -> write(yes) ; write(no) ), nl,
    assertz((double(X, Y) :- Y is X * 2)), double(21, D), write(D), nl,
    clause(double(_, _), Body), numbervars(Body, 0, _), print(Body), nl.
