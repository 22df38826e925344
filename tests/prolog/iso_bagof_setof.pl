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
    c11.
c1 :- t((bagof(X, (X = 1 ; X = 2), S))).
c2 :- t((bagof(X, (X = 1 ; X = 2), X))).
c3 :- t((bagof(X, fail, S))).
c4 :- t((bagof(f(X, Y), (X = a ; Y = b), L))).
c5 :- t((bagof(X, Y^((X = 1, Y = 1) ; (X = 2, Y = 2)), S))).
c6 :- t((findall(Y-S, bagof(X, member(X-Y, [1-a, 2-b, 3-a]), S), R))).
c7 :- t((setof(X, member(X, [c, a, b, a]), S))).
c8 :- t((setof(X-Y, member(X-Y, [2-b, 1-a, 2-a]), S))).
c9 :- t((findall(K-S, setof(V, member(K-V, [b-2, a-1, b-1]), S), R))).
c10 :- t((bagof(X, G, S))).
c11 :- t((setof(X, 1, S))).
