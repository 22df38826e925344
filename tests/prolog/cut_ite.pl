:- initialization(main).
classify(X, R) :- ( X < 0 -> R = negative ; X =:= 0 -> R = zero ; R = positive ).
main :-
    classify(-5, A), classify(0, B), classify(7, C), write([A, B, C]), nl,
    ( member(X, [1, 2, 3]), X > 1 -> write(first(X)) ; write(none) ), nl,
    ( fail -> write(yes) ; write(no) ), nl,
    ( true -> write(then) ), nl.
