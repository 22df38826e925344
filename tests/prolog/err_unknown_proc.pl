:- initialization(main).

main :-
    write(start), nl, no_such_predicate(1, 2).
