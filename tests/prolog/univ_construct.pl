:- initialization(main).

main :-
    maplist([F, T]>>(T =.. [F, x]), [f, g, h], Ts), write(Ts), nl,
    T2 =.. [point, 1, 2, 3], functor(T2, N, A), write(N/A), nl.
