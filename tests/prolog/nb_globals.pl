:- initialization(main).

main :-
    nb_setval(counter, 10), nb_getval(counter, V), write(V), nl, b_setval(x, f(y)), b_getval(x, W), write(W), nl.
