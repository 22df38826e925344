:- initialization(main).

main :-
    ( between(1, 300000, X), X >= 300000 -> write(X) ; write(none) ), nl,
    findall(Y, (between(1, 10, Y), Y mod 3 =:= 0), L), write(L), nl.
