:- initialization(main, main).
% Raise the polynomial 1 + x + y + z to the 10th power. Polynomials are
% poly(Var, Terms) with Terms a list of term(Exponent, Coefficient), and
% coefficients are numbers or polynomials in a later variable.
poly_add(poly(V, T1), poly(V, T2), poly(V, T)) :- !, term_add(T1, T2, T).
poly_add(poly(V1, T1), poly(V2, T2), poly(V1, T)) :- V1 @< V2, !, term_add(T1, [term(0, poly(V2, T2))], T).
poly_add(P, poly(V, T), poly(V, T1)) :- !, term_add(T, [term(0, P)], T1).
poly_add(poly(V, T), C, poly(V, T1)) :- !, term_add(T, [term(0, C)], T1).
poly_add(C1, C2, C) :- C is C1 + C2.
term_add([], X, X) :- !.
term_add(X, [], X) :- !.
term_add([term(E, C1)|T1], [term(E, C2)|T2], [term(E, C)|T]) :- !, poly_add(C1, C2, C), term_add(T1, T2, T).
term_add([term(E1, C1)|T1], [term(E2, C2)|T2], [term(E1, C1)|T]) :- E1 < E2, !, term_add(T1, [term(E2, C2)|T2], T).
term_add(T1, [term(E2, C2)|T2], [term(E2, C2)|T]) :- term_add(T1, T2, T).
poly_mul(poly(V, T1), poly(V, T2), poly(V, T)) :- !, term_mul(T1, T2, T).
poly_mul(poly(V1, T1), poly(V2, T2), poly(V1, T)) :- V1 @< V2, !, term_mul(T1, [term(0, poly(V2, T2))], T).
poly_mul(P, poly(V, T), poly(V, T1)) :- !, term_mul(T, [term(0, P)], T1).
poly_mul(poly(V, T), C, poly(V, T1)) :- !, term_mul(T, [term(0, C)], T1).
poly_mul(C1, C2, C) :- C is C1 * C2.
term_mul([], _, []) :- !.
term_mul(_, [], []) :- !.
term_mul([T|Ts], Ts2, P) :- single_mul(Ts2, T, P1), term_mul(Ts, Ts2, P2), term_add(P1, P2, P).
single_mul([], _, []).
single_mul([term(E1, C1)|Ts], term(E2, C2), [term(E, C)|P]) :- E is E1 + E2, poly_mul(C1, C2, C), single_mul(Ts, term(E2, C2), P).
poly_exp(0, _, 1) :- !.
poly_exp(N, P, R) :- 0 is N mod 2, !, M is N // 2, poly_exp(M, P, Q), poly_mul(Q, Q, R).
poly_exp(N, P, R) :- M is N - 1, poly_exp(M, P, Q), poly_mul(P, Q, R).
test_poly(P) :- poly_add(poly(x, [term(0, 1), term(1, 1)]), poly(y, [term(1, 1)]), Q), poly_add(poly(z, [term(1, 1)]), Q, P).
work(Size) :- test_poly(P), poly_exp(10, P, R), term_size(R, Size).
term_size(poly(_, Ts), S) :- !, terms_size(Ts, 0, S).
term_size(_, 1).
terms_size([], S, S).
terms_size([term(_, C)|Ts], S0, S) :- term_size(C, S1), S2 is S0 + S1, terms_size(Ts, S2, S).
rounds(3).

% Run the work N times (failure-driven, so each round starts from a clean
% heap), then once more to print the result.
repeat_work(N) :- between(1, N, _), work(_), fail.
repeat_work(_).
main :- rounds(N), repeat_work(N), work(R), write(R), nl.
