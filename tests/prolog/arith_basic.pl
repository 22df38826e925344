:- initialization(main).

main :-
    X1 is 7 + 3 * 2, X2 is (7 + 3) * 2, X3 is 7 / 2, X4 is 8 / 2, X5 is 7 // 2,
    X6 is -7 // 2, X7 is 7 mod 3, X8 is -7 mod 3, X9 is 7 rem -3, X10 is 2 ** 10,
    X11 is 2 ^ 100, X12 is max(3, 4.5), X13 is min(3, 4), X14 is abs(-3),
    X15 is sign(-2.5), write([X1, X2, X3, X4, X5, X6, X7, X8, X9, X10, X11, X12, X13, X14, X15]), nl.
