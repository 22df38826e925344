:- initialization(main).

main :-
    nb_setval(i, 0), repeat, nb_getval(i, I), I1 is I + 1, nb_setval(i, I1), I1 >= 5, !, write(I1), nl.
