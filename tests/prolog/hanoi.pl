:- initialization(main).
hanoi(0, _, _, _) :- !.
hanoi(N, From, To, Via) :-
    N1 is N - 1, hanoi(N1, From, Via, To),
    write(move(From, To)), nl,
    hanoi(N1, Via, To, From).
main :-
    hanoi(4, left, right, middle).
