:- initialization(main).
:- op(700, xfx, ===>).
:- op(650, xfy, likes).
main :-
    X = (a ===> b), writeq(X), nl, X =.. L, write(L), nl, Y = (p likes q), writeq(Y), nl.
