:- initialization(main).
main :-
    format(atom(A), "~w-~a", [x, y]), write(A), nl,
    format(codes(C), "~d", [42]), write(C), nl,
    format(chars(Cs), "ab", []), write(Cs), nl,
    format(user_output, "to ~w~n", [stdout]),
    atom_length(A, L), write(L), nl.
