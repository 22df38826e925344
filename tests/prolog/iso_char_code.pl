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
    c7.
c1 :- t((char_code(a, X))).
c2 :- t((char_code(X, 0'b))).
c3 :- t((char_code(a, 0'a))).
c4 :- t((char_code(X, Y))).
c5 :- t((char_code(ab, X))).
c6 :- t((char_code(X, -1))).
c7 :- t((char_code(1, X))).
