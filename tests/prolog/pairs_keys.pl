:- initialization(main).

main :-
    pairs_keys_values(P, [a, b], [1, 2]), write(P), nl, pairs_values([x-1, y-2], V), write(V), nl.
