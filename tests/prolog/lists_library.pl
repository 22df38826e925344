:- initialization(main).

main :-
    nth0(1, [a, b, c], A), nth1(1, [a, b, c], B), last([a, b, c], C), write([A, B, C]), nl,
    reverse([1, 2, 3], R), sum_list([1, 2, 3], S), max_list([1, 5, 3], Mx), min_list([4, 2, 8], Mn), write([R, S, Mx, Mn]), nl,
    numlist(3, 7, NL), write(NL), nl, memberchk(b, [a, b, c]), write(found), nl,
    delete([a, b, a, c], a, D), subtract([1, 2, 3, 4], [2, 4], Sb), list_to_set([a, b, a, c, b], Set), write([D, Sb, Set]), nl,
    exclude([X]>>(X > 2), [1, 2, 3, 4], Ex), include([X]>>(X > 2), [1, 2, 3, 4], In), write(Ex-In), nl,
    select(b, [a, b, c], Rest), write(Rest), nl, findall(P, permutation([1, 2, 3], P), Ps), write(Ps), nl.
