:- initialization(main).

main :-
    maplist([X, Y]>>(Y is X * X), [1, 2, 3], Sq), write(Sq), nl,
    maplist([X, Y, Z]>>(Z is X + Y), [1, 2], [10, 20], Sums), write(Sums), nl,
    foldl([X, A0, A]>>(A is A0 + X), [1, 2, 3, 4], 0, Total), write(Total), nl,
    ( maplist([X]>>(X > 0), [1, 2, 3]) -> write(all_positive) ; write(no) ), nl,
    length(L, 3), maplist(=(z), L), write(L), nl.
