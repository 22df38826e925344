:- initialization(main).

main :-
    ( ( fail -> true ) -> write(yes) ; write(no) ), nl.
