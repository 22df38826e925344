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
    c13,
    c14,
    c15,
    c16,
    c17,
    c18,
    c19,
    c20,
    c21,
    c22,
    c23,
    c24.
c1 :- t((X is 7)).
c2 :- t((X is 7 + 3)).
c3 :- t((X is 7.0 + 3)).
c4 :- t((X is 3 - 7)).
c5 :- t((X is 7 * 3.0)).
c6 :- t((X is 7 / 2)).
c7 :- t((X is 7 // 2)).
c8 :- t((X is -7 // 2)).
c9 :- t((X is 7 mod -2)).
c10 :- t((X is -7 rem 2)).
c11 :- t((X is 5 / 0)).
c12 :- t((X is foo + 1)).
c13 :- t((X is N + 1)).
c14 :- t((X is 1.0 / 0)).
c15 :- t((X is 2 ** 0.5)).
c16 :- t((X is abs(-7.5))).
c17 :- t((X is sign(-3))).
c18 :- t((X is min(2, 3.0))).
c19 :- t((X is truncate(3.7))).
c20 :- t((X is float_integer_part(-3.7))).
c21 :- t((X is 1 << 3)).
c22 :- t((X is -16 >> 2)).
c23 :- t((X is 10 mod 0)).
c24 :- t((X is 2.0 mod 1)).
