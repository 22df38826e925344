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
    c8.
c1 :- t((\+ true)).
c2 :- t((\+ !)).
c3 :- t((\+ (!, fail))).
c4 :- t((\+ 4 = 5)).
c5 :- t((\+ 3)).
c6 :- t((\+ X)).
c7 :- t(((\+ X = 1, true ; X = 2))).
c8 :- t((not(fail))).
