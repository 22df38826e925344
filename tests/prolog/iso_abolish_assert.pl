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
:- dynamic foo/1.
:- dynamic bar/1.
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
c1 :- t((assertz(foo(1)))).
c2 :- t((asserta(foo(0)))).
c3 :- t((foo(X))).
c4 :- t((assertz((bar(X) :- X > 1)))).
c5 :- t((assertz(_))).
c6 :- t((assertz(4))).
c7 :- t((assertz((foo :- 4)))).
c8 :- t((asserta((atom(_) :- true)))).
c9 :- t((abolish(foo/1))).
c10 :- t((foo(_))).
