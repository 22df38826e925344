:- initialization(main, main).
% Takeuchi's function tak(18, 12, 6): deep recursion and integer arithmetic.
tak(X, Y, Z, A) :- X =< Y, !, Z = A.
tak(X, Y, Z, A) :-
    X1 is X - 1, Y1 is Y - 1, Z1 is Z - 1,
    tak(X1, Y, Z, A1), tak(Y1, Z, X, A2), tak(Z1, X, Y, A3),
    tak(A1, A2, A3, A).
work(A) :- tak(18, 12, 6, A).
rounds(1).

% Run the work N times (failure-driven, so each round starts from a clean
% heap), then once more to print the result.
repeat_work(N) :- between(1, N, _), work(_), fail.
repeat_work(_).
main :- rounds(N), repeat_work(N), work(R), write(R), nl.
