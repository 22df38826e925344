:- initialization(main).
lookup(a, 1). lookup(b, 2). lookup(c, 3). lookup(d, 4).
main :-
    numlist(1, 100000, L), last(L, X), write(X), nl, lookup(c, V), write(V), nl.
