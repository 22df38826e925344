:- initialization(main).

main :-
    keysort([c-1, a-1, b-2, a-0, c-0], L), write(L), nl.
