:- initialization(main).

main :-
    sort([c, a, b, a, c], S1), msort([c, a, b, a, c], S2), write(S1), nl, write(S2), nl,
    sort(0, @>=, [1, 3, 2, 3], S3), write(S3), nl,
    sort(1, @<, [f(2, a), f(1, b), f(2, c)], S4), write(S4), nl,
    keysort([b-1, a-2, b-0, a-1], S5), write(S5), nl,
    predsort([O, A, B]>>compare(O, A, B), [c, a, b, a], S6), write(S6), nl.
