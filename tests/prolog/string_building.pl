:- initialization(main).

main :-
    atomic_list_concat([a, b, c], X), write(X), nl, atomic_list_concat([x, y, z], '-', Y), write(Y), nl,
    atomic_list_concat(Parts, ',', 'a,b,c'), write(Parts), nl.
