:- initialization(main).

main :-
    assertz(counter(0)),
    forall(between(1, 5, _), (retract(counter(C)), C1 is C + 1, assertz(counter(C1)))),
    counter(V), write(V), nl,
    assertz(item(b)), asserta(item(a)), assertz(item(c)), findall(I, item(I), L), write(L), nl,
    retract(item(b)), findall(I2, item(I2), L2), write(L2), nl,
    retractall(item(_)), findall(I3, item(I3), L3), write(L3), nl.
