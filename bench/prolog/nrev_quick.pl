:- initialization(main, main).
% Naive reverse of a 30-element list (496 logical inferences per reversal),
% the classic measure of raw unification and call speed.
nrev([], []).
nrev([H|T], R) :- nrev(T, RT), app(RT, [H], R).
app([], L, L).
app([H|T], L, [H|R]) :- app(T, L, R).
range(N, N, [N]) :- !.
range(I, N, [I|T]) :- I1 is I + 1, range(I1, N, T).
work(R) :- range(1, 30, L), nrev(L, R).
rounds(1000).

% Run the work N times (failure-driven, so each round starts from a clean
% heap), then once more to print the result.
repeat_work(N) :- between(1, N, _), work(_), fail.
repeat_work(_).
main :- rounds(N), repeat_work(N), work(R), write(R), nl.
