:- initialization(main).

main :-
    forall(member(A-B, [12-18, 7-13, 100-75]), (G is gcd(A, B), L is A * B // G, write(A-B-G-L), nl)).
