:- initialization(main).

main :-
    forall(member(T, [a, 1, 1.5, "s", f(x), [], _, 'A b']),
      ( findall(P, (member(P, [var, nonvar, atom, number, integer, float, atomic, compound, callable, is_list]), call(P, T)), Ps),
        write(Ps), nl )).
