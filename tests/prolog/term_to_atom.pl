:- initialization(main).

main :-
    term_to_atom(f(x, 'b c', [1, 2]), A), write(A), nl,
    term_to_atom(T, 'foo(bar, Baz)'), T = foo(B, _), write(B), nl.
