:- initialization(main).

main :-
    X = "hello", write(X), nl, atom_codes(A, X), write(A), nl, length(X, N), write(N), nl,
    Y = 0'a, write(Y), nl, Z = [0'h, 0'i], atom_codes(Hi, Z), write(Hi), nl.
