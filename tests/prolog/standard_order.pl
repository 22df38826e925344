:- initialization(main).

main :-
    msort([b, 2, a, 1.0, f(a), g(a, b), f(b), 3, "x", c], L), print(L), nl,
    compare(O1, 1, 1.0), compare(O2, a, b), compare(O3, f(a), a), write([O1, O2, O3]), nl,
    ( a @< b, 1 @< a, f(z) @> f(a) -> write(ok) ; write(bad) ), nl.
