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
    c7.
c1 :- t((atom_concat(hello, ' world', A))).
c2 :- t((atom_concat(T, ' world', 'small world'))).
c3 :- t((atom_concat(hello, ' world', 'small world'))).
c4 :- t((atom_concat(T1, T2, ab))).
c5 :- t((atom_concat(A, iso, B))).
c6 :- t((atom_concat(f(a), b, A))).
c7 :- t((atom_concat(a, 1, A))).
