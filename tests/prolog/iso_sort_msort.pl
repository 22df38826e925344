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
c1 :- t((msort([b, a, c, a], L))).
c2 :- t((sort([b, a, c, a], L))).
c3 :- t((sort([c-1, a-2, b-3], L))).
c4 :- t((sort([f(X), a, 1, 2.0, "s"], L))).
c5 :- t((sort([a | X], L))).
c6 :- t((sort(f(a), L))).
c7 :- t((keysort([b-1, a-2, b-0], L))).
c8 :- t((keysort([a], L))).
c9 :- t((sort(0, @>=, [1, 2, 3, 2], L))).
c10 :- t((sort(2, @<, [f(a, 2), f(b, 1)], L))).
