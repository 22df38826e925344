:- initialization(main).

main :-
    call(format, "~w-~w~n", [a, b]),
    G = append([1]), call(G, [2], L), write(L), nl,
    maplist(succ, [1, 2, 3], S), write(S), nl,
    foldl(plus, [1, 2, 3], 0, Sum), write(Sum), nl.
