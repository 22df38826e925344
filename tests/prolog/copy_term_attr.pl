:- initialization(main).

main :-
    T = f(X, Y, X), copy_term(T, C), C = f(a, b, Z), write(Z), nl, (var(X), var(Y) -> write(orig_unbound) ; true), nl.
