:- initialization(main).

main :-
    findall(X-Y, ( X = 1, Y = a ; X = 2, Y = b ), L), write(L), nl.
