:- initialization(main).
p(b, 2). p(a, 1). p(b, 1). p(c, 3). p(a, 4).
main :-
    findall(X-Y, p(X, Y), L1), write(L1), nl,
    ( bagof(Y, p(X2, Y), L2), write(X2-L2), nl, fail ; true ),
    setof(X3, Y3^p(X3, Y3), L3), write(L3), nl,
    ( setof(Z, p(zz, Z), L4) -> write(L4) ; write(empty) ), nl,
    aggregate_all(count, p(_, _), C), write(C), nl.
