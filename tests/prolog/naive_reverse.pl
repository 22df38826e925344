:- initialization(main).
nrev([], []).
nrev([H|T], R) :- nrev(T, RT), append(RT, [H], R).
main :-
    numlist(1, 30, L), nrev(L, R), write(R), nl.
