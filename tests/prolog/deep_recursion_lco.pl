:- initialization(main).
count(0) :- !.
count(N) :- N1 is N - 1, count(N1).
len_acc(N, L) :- numlist(1, N, Xs), length(Xs, L).
main :-
    count(1000000), write(done), nl, len_acc(1000000, L), write(L), nl.
