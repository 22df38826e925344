:- initialization(main).

main :-
    forall(member(X-Y, [1-a, 2-b, 3-c]), (write(Y), write(X))), nl.
