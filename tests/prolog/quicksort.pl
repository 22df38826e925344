:- initialization(main).
qsort([], []).
qsort([H|T], S) :- partition(H, T, L, G), qsort(L, SL), qsort(G, SG), append(SL, [H|SG], S).
partition(_, [], [], []).
partition(P, [X|Xs], [X|L], G) :- X =< P, !, partition(P, Xs, L, G).
partition(P, [X|Xs], L, [X|G]) :- partition(P, Xs, L, G).
main :-
    qsort([27,74,17,33,94,18,46,83,65,2,32,53,28,85,99,47,28,82,6,11], S), write(S), nl.
