:- initialization(main).
sieve([], []).
sieve([P|Xs], [P|Ps]) :- exclude([X]>>(0 is X mod P), Xs, Ys), sieve(Ys, Ps).
main :-
    numlist(2, 100, L), sieve(L, P), write(P), nl.
