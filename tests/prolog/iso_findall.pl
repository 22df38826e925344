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
    c9.
c1 :- t((findall(X, (X = 1 ; X = 2), S))).
c2 :- t((findall(X + Y, (X = 1), S))).
c3 :- t((findall(X, fail, L))).
c4 :- t((findall(X, (X = 1 ; X = 1), S))).
c5 :- t((findall(X, (X = 2 ; X = 1), [1, 2]))).
c6 :- t((findall(X, (X = 1 ; X = 2), [X, Y]))).
c7 :- t((findall(X, G, S))).
c8 :- t((findall(X, 4, S))).
c9 :- t((findall(X-L, (member(X, [1, 2]), findall(Y, member(Y, [a, X]), L)), R))).
