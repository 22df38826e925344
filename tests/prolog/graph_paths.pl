:- initialization(main).
edge(a, b). edge(a, c). edge(b, d). edge(c, d). edge(d, e).
path(X, X, [X]).
path(X, Y, [X|P]) :- edge(X, Z), path(Z, Y, P).
main :-
    findall(P, path(a, e, P), Ps), write(Ps), nl.
