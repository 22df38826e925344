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
    c12.
c1 :- t((1.0 @< 1)).
c2 :- t((a @< b)).
c3 :- t((f(a) @< g(a))).
c4 :- t((f(a, b) @< g(a))).
c5 :- t((X @< 1)).
c6 :- t((1 == 1)).
c7 :- t((X == X)).
c8 :- t((X == Y)).
c9 :- t((f(X) \== f(Y))).
c10 :- t(([] @< '[]')).
c11 :- t(("abc" @< abc)).
c12 :- t((foo(a) @>= foo(a))).
