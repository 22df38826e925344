:- initialization(main).

main :-
    findall(X, (member(X, [1, 2, 3]), call(!)), L), write(L), nl.
