:- initialization(main).

main :-
    ( \+ member(4, [1,2,3]) -> write(absent) ; write(present) ), nl,
    findall(X, (member(X, [1,2,3,4,5]), \+ X = 3), L), write(L), nl,
    ( \+ \+ (Y = 1, Y > 0) -> ( var(Y) -> write(still_unbound) ; write(bound) ) ; true ), nl.
