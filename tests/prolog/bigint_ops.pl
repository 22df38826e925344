:- initialization(main).

main :-
    A is 2 ** 200, B is A // 3 + 1, C is A mod 1000007, D is -(A), E is A * A - A,
    write(A), nl, write(B), nl, write(C), nl, write(D), nl, write(E), nl,
    ( A > 10 ** 50 -> write(greater) ; write(smaller) ), nl.
