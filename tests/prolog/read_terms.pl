:- initialization(main).

main :-
    read(X), write(got(X)), nl, read(Y), write(got(Y)), nl, read(Z), write(got(Z)), nl.
