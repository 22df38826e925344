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
c1 :- t((between(1, 3, X))).
c2 :- t((findall(X, between(1, 3, X), L))).
c3 :- t((between(3, 1, X))).
c4 :- t((between(1, 3, 4))).
c5 :- t((between(1, inf, 100))).
c6 :- t((between(a, 3, X))).
c7 :- t((between(X, 3, 1))).
c8 :- t((succ(X, 1))).
c9 :- t((succ(0, X))).
c10 :- t((succ(X, 0))).
c11 :- t((succ(a, X))).
c12 :- t((plus(1, X, 3))).
