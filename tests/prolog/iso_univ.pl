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
c1 :- t((foo(a, b) =.. L)).
c2 :- t((T =.. [foo, a, b])).
c3 :- t((foo =.. L)).
c4 :- t((1.5 =.. L)).
c5 :- t((T =.. [1.5])).
c6 :- t((foo(X, bar) =.. [foo, a, Y])).
c7 :- t((T =.. [foo | X])).
c8 :- t((T =.. [foo(a) | b])).
c9 :- t((T =.. [])).
c10 :- t((T =.. [f(a), b])).
c11 :- t(([a, b] =.. L)).
