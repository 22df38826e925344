:- initialization(main).

main :-
    findall(B-L-A, sub_atom(abcab, B, L, A, ab), R), write(R), nl,
    sub_atom(hello, 1, 3, After, S), write(S-After), nl,
    findall(S2, sub_atom(abc, _, 2, _, S2), R2), write(R2), nl.
