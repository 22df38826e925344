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
c1 :- t(('=='(1, 1))).
c2 :- t((X = 1)).
c3 :- t((X = Y)).
c4 :- t((f(X, def) = f(def, Y))).
c5 :- t((1 = 2)).
c6 :- t((1 = 1.0)).
c7 :- t((g(X) = f(f(X)))).
c8 :- t((f(X, 1) = f(a(X)))).
c9 :- t((f(X, Y, X) = f(a(X), a(Y), Y, 2))).
c10 :- t((f(A, B, C) = f(g(B, B), g(C, C), g(D, D)))).
c11 :- t((a \= b)).
c12 :- t((X \= 1)).
c13 :- t((f(X, b) \= f(a, Y))).
