:- initialization(main).
:- style_check(-singleton).
% ISO conformance cases in the style of the inriasuite: one line per case,
% success(Goal-with-bindings), failure, or error(Formal).
t(G) :-
    (   catch(G, E, true)
    ->  (   var(E) -> R = success(G)
        ;   E = error(F, _) -> R = error(F)
        ;   R = thrown(E)
        )
    ;   R = failure
    ),
    numbervars(R, 0, _), print(R), nl.
main :-
    c1,
    c2,
    c3,
    c4,
    c5,
    c6,
    c7,
    c8,
    c9,
    c10,
    c11,
    c12,
    c13,
    c14,
    c15,
    c16.
c1 :- t((functor(foo(a, b, c), foo, 3))).
c2 :- t((functor(foo(a, b, c), X, Y))).
c3 :- t((functor(X, foo, 3))).
c4 :- t((functor(X, foo, 0))).
c5 :- t((functor(mats(A, B), A, B))).
c6 :- t((functor(foo(a), foo, 2))).
c7 :- t((functor(foo(a), fo, 1))).
c8 :- t((functor(1, X, Y))).
c9 :- t((functor(X, 1.1, 0))).
c10 :- t((functor([_|_], '.', 2))).
c11 :- t((functor([], [], 0))).
c12 :- t((functor(X, Y, 3))).
c13 :- t((functor(X, foo, a))).
c14 :- t((functor(F, 1.5, 1))).
c15 :- t((functor(F, foo(a), 1))).
c16 :- t((functor(T, foo, -1))).
