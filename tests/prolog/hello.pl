:- initialization(main).

main :-
    write('Hello, world!'), nl.
