:- initialization(main).

main :-
    read(X), write(got(X)), nl, read(Y), numbervars(Y, 0, _), print(got(Y)), nl, read(Z), write(got(Z)), nl.
