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
    c6.
c1 :- t((copy_term(X, Y))).
c2 :- t((copy_term(f(X, Y, X), f(A, B, C)))).
c3 :- t((copy_term(a, a))).
c4 :- t((copy_term(a, b))).
c5 :- t((copy_term(f(a), f(X)))).
c6 :- t((copy_term(g(X, X), g(Y, b)))).
