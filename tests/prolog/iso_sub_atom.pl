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
c1 :- t((sub_atom(abracadabra, 0, 5, _, S2))).
c2 :- t((sub_atom(abracadabra, _, 5, 0, S2))).
c3 :- t((sub_atom(abracadabra, 3, L, 3, S2))).
c4 :- t((findall(B-A, sub_atom(abracadabra, B, 2, A, ab), L))).
c5 :- t((sub_atom(charity, _, 3, _, S2))).
c6 :- t((findall(S, sub_atom(ab, B, L, A, S), Subs))).
c7 :- t((sub_atom(X, B, L, A, S))).
c8 :- t((sub_atom(f(a), B, L, A, S))).
