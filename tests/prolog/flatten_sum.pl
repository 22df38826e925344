:- initialization(main).

main :-
    flatten([1, [2, [3, 4]], [], [[5]]], F), write(F), nl, sumlist(F, S), write(S), nl.
