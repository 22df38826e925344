:- initialization(main).

main :-
    A is 5 /\ 3, B is 5 \/ 3, C is 5 xor 3, D is \ 5, E is 1 << 70, F is 1024 >> 3,
    G is msb(1000), H is gcd(12, 18), write([A, B, C, D, E, F, G, H]), nl.
