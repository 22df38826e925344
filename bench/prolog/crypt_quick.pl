:- initialization(main, main).
% Cryptarithmetic multiplication: a three-digit number with digits
% odd-even-even times a two-digit number with even digits, where both partial
% products and the product have fixed odd/even digit patterns
% (EOEE, EOE and OOEE). Search by choosing digits from lists.
even(0). even(2). even(4). even(6). even(8).
odd(1). odd(3). odd(5). odd(7). odd(9).
digits(0, []) :- !.
digits(N, [D|Ds]) :- D is N mod 10, N1 is N // 10, digits(N1, Ds).
pattern([], []).
pattern([D|Ds], [e|Ps]) :- 0 is D mod 2, pattern(Ds, Ps).
pattern([D|Ds], [o|Ps]) :- 1 is D mod 2, pattern(Ds, Ps).
matches(N, Pattern) :- digits(N, Ds0), reverse(Ds0, Ds), pattern(Ds, Pattern).
solve(A, B, P1, P2, P) :-
    odd(A1), A1 > 0, even(A2), even(A3), A is 100 * A1 + 10 * A2 + A3,
    even(B1), B1 > 0, even(B2), B is 10 * B1 + B2,
    P1 is A * B2, matches(P1, [e, o, e, e]),
    P2 is A * B1, matches(P2, [e, o, e]),
    P is A * B, matches(P, [o, o, e, e]).
work(L) :- findall(s(A, B, P1, P2, P), solve(A, B, P1, P2, P), L).
rounds(20).

% Run the work N times (failure-driven, so each round starts from a clean
% heap), then once more to print the result.
repeat_work(N) :- between(1, N, _), work(_), fail.
repeat_work(_).
main :- rounds(N), repeat_work(N), work(R), write(R), nl.
