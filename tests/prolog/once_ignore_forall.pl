:- initialization(main).

main :-
    once(member(X, [a, b])), write(X), nl,
    ignore(member(z, [a])), write(ok), nl,
    ( forall(member(Y, [2, 4, 6]), 0 is Y mod 2) -> write(all_even) ; write(not_all) ), nl.
