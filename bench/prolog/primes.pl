:- initialization(main, main).
% Primes below 98 by the sieve of Eratosthenes over lists.
primes(Limit, Ps) :- integers(2, Limit, Is), sift(Is, Ps).
integers(Low, High, [Low|Rest]) :- Low =< High, !, M is Low + 1, integers(M, High, Rest).
integers(_, _, []).
sift([], []).
sift([I|Is], [I|Ps]) :- remove(I, Is, New), sift(New, Ps).
remove(_, [], []).
remove(P, [I|Is], [I|Nis]) :- 0 =\= I mod P, !, remove(P, Is, Nis).
remove(P, [_|Is], Nis) :- remove(P, Is, Nis).
work(Ps) :- primes(98, Ps).
rounds(5000).

% Run the work N times (failure-driven, so each round starts from a clean
% heap), then once more to print the result.
repeat_work(N) :- between(1, N, _), work(_), fail.
repeat_work(_).
main :- rounds(N), repeat_work(N), work(R), write(R), nl.
