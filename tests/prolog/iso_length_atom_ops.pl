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
c1 :- t((length([a, b], N))).
c2 :- t((length(L, 2))).
c3 :- t((length([a | T], 3))).
c4 :- t((length(L, -1))).
c5 :- t((length(a, N))).
c6 :- t((atom_number('12', N))).
c7 :- t((atom_number(A, 12))).
c8 :- t((upcase_atom('hello World', U))).
c9 :- t((term_to_atom(f(x, 'A'), A))).
c10 :- t((atomic_list_concat([a, 1, 'B'], A))).
c11 :- t((atomic_list_concat(L, '-', 'a-b-c'))).
