:- initialization(main).
:- dynamic p/1.
p(1). p(2).
main :-
    ( p(X), assertz(p(X)), fail ; true ), findall(Y, p(Y), L), write(L), nl.
