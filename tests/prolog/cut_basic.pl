:- initialization(main).
a(1). a(2). a(3).
t(X) :- a(X), X > 1, !.
u(X) :- a(X), !, X > 1.
u(none).
v(X) :- a(X), X >= 2.
v(last).
main :-
    t(X), write(X), nl, ( u(Y) -> write(Y) ; write(u_failed) ), nl, findall(Z, v(Z), L), write(L), nl.
