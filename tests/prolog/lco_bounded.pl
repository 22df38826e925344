:- initialization(main).
% Deterministic recursion a million deep, run with a frame budget of 60
% (lco_bounded.flags): last-call optimization keeps the frame stack flat, and
% non-tail recursion keeps it flat too, its continuations living on the heap.
count(0) :- !.
count(N) :- N1 is N - 1, count(N1).
down(N) :- ( N =:= 0 -> true ; N1 is N - 1, down(N1) ).
len([], 0).
len([_|T], N) :- len(T, N0), N is N0 + 1.
main :-
    count(1000000), write(count_done), nl,
    down(1000000), write(down_done), nl,
    numlist(1, 300000, L), len(L, N), write(N), nl,
    ( between(1, 1000000, X), X >= 1000000 -> write(X) ; true ), nl.
