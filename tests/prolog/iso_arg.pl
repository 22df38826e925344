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
    c13.
c1 :- t((arg(1, foo(a, b), a))).
c2 :- t((arg(1, foo(a, b), X))).
c3 :- t((arg(1, foo(X, b), a))).
c4 :- t((arg(2, foo(a, f(X, b), c), f(a, Y)))).
c5 :- t((arg(1, foo(X, b), Y))).
c6 :- t((arg(1, foo(a, b), b))).
c7 :- t((arg(0, foo(a, b), foo))).
c8 :- t((arg(3, foo(3, 4), N))).
c9 :- t((arg(X, foo(a, b), a))).
c10 :- t((arg(1, X, a))).
c11 :- t((arg(0, atom, A))).
c12 :- t((arg(0, 3, A))).
c13 :- t((arg(a, foo(a, b), X))).
