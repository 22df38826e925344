:- initialization(main).

main :-
    ( 1 =:= 1.0 -> write(eq) ; write(ne) ), nl,
    ( 1 == 1.0 -> write(same) ; write(different) ), nl,
    ( 2 < 3, 3 =< 3, 4 > 3, 4 >= 4, 1 =\= 2 -> write(ok) ; write(bad) ), nl,
    X = 5, ( X * 2 > 9 -> write(big) ; write(small) ), nl.
