:- initialization(main).
loop(I, N) :- I > N, !.
loop(I, N) :- ( I mod 15 =:= 0 -> write(fizzbuzz) ; I mod 3 =:= 0 -> write(fizz) ; I mod 5 =:= 0 -> write(buzz) ; write(I) ), nl, I1 is I + 1, loop(I1, N).
main :-
    loop(1, 15).
