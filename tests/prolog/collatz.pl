:- initialization(main).
steps(1, 0) :- !.
steps(N, S) :- ( 0 is N mod 2 -> M is N // 2 ; M is 3 * N + 1 ), steps(M, S0), S is S0 + 1.
main :-
    findall(N-S, (between(1, 12, N), steps(N, S)), L), write(L), nl.
