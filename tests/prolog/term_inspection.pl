:- initialization(main).

main :-
    functor(foo(a, b, c), N, A), write(N/A), nl,
    functor(T, point, 3), numbervars(T, 0, _), print(T), nl,
    arg(2, foo(a, b, c), X), write(X), nl,
    foo(a, b) =.. L, write(L), nl,
    T2 =.. [bar, 1, 2], write(T2), nl,
    copy_term(f(X1, Y1, X1), C), numbervars(C, 0, _), print(C), nl, (var(Y1) -> true ; true),
    functor(abc, N2, A2), write(N2/A2), nl.
