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
c1 :- t((number_codes(33, L))).
c2 :- t((number_codes(33.0, L))).
c3 :- t((number_codes(X, "3.3E+0"))).
c4 :- t((number_codes(A, "-25"))).
c5 :- t((number_codes(A, " 3"))).
c6 :- t((number_codes(A, "0x1F"))).
c7 :- t((number_codes(A, "0'a"))).
c8 :- t((number_codes(A, "4.2"))).
c9 :- t((number_codes(A, "foo"))).
c10 :- t((number_codes(A, L))).
c11 :- t((number_codes(a, L))).
