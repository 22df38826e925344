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
:- dynamic x/1.
:- dynamic r/1.
x(1).
main :-
    c1,
    c2,
    c3,
    c4,
    c5,
    c6,
    c7,
    c8.
c1 :- t((retract((x(1) :- true)))).
c2 :- t(((assertz(r(1)), assertz(r(2)), retract(r(X))))).
c3 :- t((findall(Y, r(Y), L))).
c4 :- t((retract((r(X) :- X == 5)))).
c5 :- t((retract((atom(_) :- true)))).
c6 :- t((retract((X :- true)))).
c7 :- t((retractall(r(_)))).
c8 :- t((findall(Y, r(Y), L))).
