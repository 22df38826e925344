:- initialization(main).
:- dynamic stack/1.
stack(a). stack(b). stack(c).
main :-
    findall(X, stack(X), L), write(L), nl, retract(stack(b)), findall(X2, stack(X2), L2), write(L2), nl.
