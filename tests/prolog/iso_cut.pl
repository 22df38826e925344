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
c1 :- t(((!, fail ; true))).
c2 :- t(((call(!), fail ; true))).
c3 :- t((\+ (!, fail))).
c4 :- t((findall(X, (member(X, [1, 2, 3]), !), L))).
c5 :- t((findall(X, call((member(X, [1, 2, 3]), !)), L))).
c6 :- t((findall(X, (member(X, [1, 2, 3]), call(!)), L))).
c7 :- t((findall(X-Y, ((X = 1 ; X = 2), (Y = a ; Y = b), !), L))).
c8 :- t((findall(X, ((X = 1 -> true ; X = 2) ; X = 3), L))).
c9 :- t((findall(X, ((X = 1, ! ; X = 2) ; X = 3), L))).
