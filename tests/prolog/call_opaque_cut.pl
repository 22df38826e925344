:- initialization(main).
a(1). a(2). a(3).
p(X) :- call((a(X), !)).
p(9).
q(X) :- G = (a(X), !), G.
q(9).
main :-
    findall(X, p(X), L), write(L), nl, findall(Y, q(Y), M), write(M), nl.
