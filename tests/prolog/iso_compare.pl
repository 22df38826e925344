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
    c10.
c1 :- t((compare(O, 1, 2))).
c2 :- t((compare(O, b, a))).
c3 :- t((compare(O, f(a), f(a)))).
c4 :- t((compare(=, 1, 1.0))).
c5 :- t((compare(<, 1.0, 1))).
c6 :- t((compare(O, X, X))).
c7 :- t((compare(foo, 1, 2))).
c8 :- t((compare(1, 1, 2))).
c9 :- t((compare(O, f(b), g(a)))).
c10 :- t((compare(O, f(a, b), g(a)))).
