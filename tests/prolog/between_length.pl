:- initialization(main).

main :-
    findall(X, between(1, 5, X), L), write(L), nl,
    length(L2, 3), L2 = [p|_], write(ok), nl,
    length([a, b, c, d], N), write(N), nl,
    findall(N2-L3, (between(0, 2, N2), length(L3, N2)), Ls), length(Ls, K), write(K), nl.
