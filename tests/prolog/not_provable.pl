:- initialization(main).

main :-
    ( not(member(x, [a, b])) -> write(yes) ; write(no) ), nl.
