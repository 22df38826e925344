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
c1 :- t(((true -> true ; fail))).
c2 :- t(((fail -> true ; true))).
c3 :- t(((true -> fail ; fail))).
c4 :- t(((fail -> true ; fail))).
c5 :- t((((X = 1 ; X = 2) -> true ; true))).
c6 :- t((findall(X, (((X = 1 ; X = 2) -> true ; X = 3)), L))).
c7 :- t(((fail -> true))).
c8 :- t(((true -> X = 1))).
c9 :- t((findall(X, ((X = 1 ; X = 2) *-> true ; X = 3), L))).
