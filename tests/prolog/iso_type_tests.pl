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
    c22.
c1 :- t((var(X))).
c2 :- t((var(a))).
c3 :- t((atom([]))).
c4 :- t((atom('[]'))).
c5 :- t((atom(1))).
c6 :- t((atom("a"))).
c7 :- t((number(1.5))).
c8 :- t((integer(3))).
c9 :- t((integer(3.0))).
c10 :- t((float(1))).
c11 :- t((atomic(f(x)))).
c12 :- t((atomic(a))).
c13 :- t((compound([]))).
c14 :- t((compound([a]))).
c15 :- t((compound(f(x)))).
c16 :- t((callable(a))).
c17 :- t((callable(3))).
c18 :- t((callable(f(x)))).
c19 :- t((is_list([a|_]))).
c20 :- t((is_list([a, b]))).
c21 :- t((ground(f(a, _)))).
c22 :- t((ground(f(a, b)))).
