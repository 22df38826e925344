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
c1 :- t((atom_length('enchanted evening', N))).
c2 :- t((atom_length('', N))).
c3 :- t((atom_length(A, 4))).
c4 :- t((atom_length(123, N))).
c5 :- t((atom_length(abc, foo))).
c6 :- t((atom_length(f(x), N))).
c7 :- t((atom_length(scarlet, 5))).
