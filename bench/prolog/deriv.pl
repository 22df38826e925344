:- initialization(main, main).
% Symbolic differentiation (the four classic expressions: ops8, divide10,
% log10, times10), with no simplification.
d(U + V, X, DU + DV) :- !, d(U, X, DU), d(V, X, DV).
d(U - V, X, DU - DV) :- !, d(U, X, DU), d(V, X, DV).
d(U * V, X, DU * V + U * DV) :- !, d(U, X, DU), d(V, X, DV).
d(U / V, X, (DU * V - U * DV) / (^(V, 2))) :- !, d(U, X, DU), d(V, X, DV).
d(^(U, N), X, DU * N * (^(U, N1))) :- !, integer(N), N1 is N - 1, d(U, X, DU).
d(-U, X, -DU) :- !, d(U, X, DU).
d(exp(U), X, exp(U) * DU) :- !, d(U, X, DU).
d(log(U), X, DU / U) :- !, d(U, X, DU).
d(X, X, 1) :- !.
d(_, _, 0).
ops8(E) :- d((x + 1) * ((^(x, 2) + 2) * (^(x, 3) + 3)), x, E).
divide10(E) :- d(((((((((x / x) / x) / x) / x) / x) / x) / x) / x) / x, x, E).
log10(E) :- d(log(log(log(log(log(log(log(log(log(log(x)))))))))), x, E).
times10(E) :- d(((((((((x * x) * x) * x) * x) * x) * x) * x) * x) * x, x, E).
work(E) :- ops8(_), divide10(_), log10(_), times10(E).
rounds(60000).

% Run the work N times (failure-driven, so each round starts from a clean
% heap), then once more to print the result.
repeat_work(N) :- between(1, N, _), work(_), fail.
repeat_work(_).
main :- rounds(N), repeat_work(N), work(R), write(R), nl.
