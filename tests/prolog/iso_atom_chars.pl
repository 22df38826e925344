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
c1 :- t((atom_chars('', L))).
c2 :- t((atom_chars([], L))).
c3 :- t((atom_chars('''', L))).
c4 :- t((atom_chars(abc, L))).
c5 :- t((atom_chars(A, [p, r, o]))).
c6 :- t((atom_chars(abc, [a | L]))).
c7 :- t((atom_chars(A, L))).
c8 :- t((atom_chars(A, [a | _]))).
c9 :- t((atom_chars(A, [a, f(b)]))).
c10 :- t((atom_chars(123, L))).
