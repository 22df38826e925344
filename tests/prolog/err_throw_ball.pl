:- initialization(main).

main :-
    throw(my_custom_ball).
