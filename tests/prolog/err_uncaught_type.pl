:- initialization(main).

main :-
    write(start), nl, atom_length(123456, L), write(L), nl, atom_length(X, foo), write(X).
