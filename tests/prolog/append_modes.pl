:- initialization(main).

main :-
    append(X, Y, [1,2,3]), write(X-Y), nl, fail ; true.
