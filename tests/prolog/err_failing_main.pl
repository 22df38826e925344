:- initialization(main).

main :-
    write(trying), nl, member(x, [a, b]).
