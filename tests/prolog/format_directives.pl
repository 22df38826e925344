:- initialization(main).

main :-
    format("~w ~a ~q ~d~n", [foo, bar, 'B z', 42]),
    format("~s and ~e ~f ~2f ~g~n", ["codes", 1.5, 2.0, 3.14159, 0.1]),
    format("~p ~~ ~c~n", [x, 65]),
    format("~a~t~20|~a~n", [left, right]),
    format("~t~w~10|~n", [right]),
    format("~D ~2d~n", [1234567, 1234]),
    format("no args~n"), format("~8|abc~n", []).
