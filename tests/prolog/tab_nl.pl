:- initialization(main).

main :-
    write(a), tab(3), write(b), nl, tab(1), write(c), nl.
