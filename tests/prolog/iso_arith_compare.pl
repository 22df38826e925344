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
c1 :- t((1 =:= 1.0)).
c2 :- t((1 < 2)).
c3 :- t((2.0 > 3)).
c4 :- t((1 =\= 2)).
c5 :- t((3 =< 3)).
c6 :- t((a < 1)).
c7 :- t((X < 1)).
c8 :- t((1 + 2 =:= 3)).
c9 :- t((0.1 + 0.2 =:= 0.3)).
c10 :- t((2 ** 3 >= 8)).
