:- initialization(main).
my_len([], 0).
my_len([_|T], N) :- my_len(T, N0), N is N0 + 1.
my_sum([], 0).
my_sum([X|Xs], S) :- my_sum(Xs, S0), S is S0 + X.
main :-
    numlist(1, 200000, L), my_len(L, N), write(N), nl, my_sum(L, S), write(S), nl.
