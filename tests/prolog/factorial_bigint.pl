:- initialization(main).
fact(0, 1) :- !.
fact(N, F) :- N1 is N - 1, fact(N1, F1), F is N * F1.
main :-
    fact(30, F), write(F), nl, fact(50, G), write(G), nl.
