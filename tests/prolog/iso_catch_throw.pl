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
c1 :- t((catch(true, _, true))).
c2 :- t((catch(fail, _, true))).
c3 :- t((catch(throw(a), a, true))).
c4 :- t((catch(throw(a), b, true))).
c5 :- t((catch(throw(f(X)), f(Y), Y == X))).
c6 :- t((catch(number_codes(N, " 1"), E, true))).
c7 :- t((catch(throw(_), E, true))).
c8 :- t((catch((X = 1, throw(a)), a, true))).
c9 :- t((catch(catch(throw(a), b, true), a, true))).
