:- initialization(main).

main :-
    atom_codes(abc, C), write(C), nl, atom_chars(X, [h, i]), write(X), nl,
    atom_length(hello, L), write(L), nl, char_code(Ch, 65), write(Ch), nl,
    atom_concat(foo, bar, FB), write(FB), nl,
    findall(A+B, atom_concat(A, B, xyz), Splits), write(Splits), nl,
    upcase_atom(hello, U), write(U), nl.
