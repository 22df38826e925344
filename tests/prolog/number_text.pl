:- initialization(main).

main :-
    number_codes(N, "42"), Y is N + 1, write(Y), nl,
    atom_number('3.14', F), write(F), nl,
    ( atom_number(foo, _) -> write(yes) ; write(no) ), nl,
    number_codes(123, Cs), atom_codes(A, Cs), write(A), nl,
    atom_length(12345, Len), write(Len), nl.
