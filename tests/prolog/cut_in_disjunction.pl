:- initialization(main).
p(X) :- ( X = 1 ; X = 2, ! ; X = 3 ).
p(4).
q(X) :- member(X, [a, b, c]), ( X == b -> ! ; true ).
q(d).
main :-
    findall(X, p(X), L), write(L), nl, findall(Y, q(Y), M), write(M), nl.
