:- initialization(main).
d(U + V, X, DU + DV) :- !, d(U, X, DU), d(V, X, DV).
d(U * V, X, DU * V + U * DV) :- !, d(U, X, DU), d(V, X, DV).
d(U ^ N, X, N * U ^ N1 * DU) :- integer(N), !, N1 is N - 1, d(U, X, DU).
d(sin(U), X, cos(U) * DU) :- !, d(U, X, DU).
d(exp(U), X, exp(U) * DU) :- !, d(U, X, DU).
d(X, X, 1) :- !.
d(_, _, 0).
main :-
    d(x * x + 3 * x + sin(x), x, D), write(D), nl, d(exp(x ^ 2), x, E), write(E), nl.
