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
    c12.
c1 :- t((once(!))).
c2 :- t((once((!, fail ; true)))).
c3 :- t((once(repeat))).
c4 :- t((once(fail))).
c5 :- t((call(fail))).
c6 :- t((call((fail, 1)))).
c7 :- t((call((write(3), 1)))).
c8 :- t((call(_))).
c9 :- t((call(1))).
c10 :- t((call((1 ; true)))).
c11 :- t((call(member, X, [a]))).
c12 :- t((call(atom_length(abc), N))).
