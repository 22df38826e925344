:- initialization(main).

main :-
    A is sqrt(2), B is pi, C is e, D is 10 / 4.0, E is float(7), F is integer(2.5),
    G is truncate(-3.7), H is round(3.5), I is ceiling(2.1), J is floor(-2.1),
    write([A, B, C, D, E, F, G, H, I, J]), nl,
    K is 1.0e10, L is 1.0e20, M is 1.5e-7, N is 0.1 + 0.2, write([K, L, M, N]), nl.
