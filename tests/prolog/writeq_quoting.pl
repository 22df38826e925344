:- initialization(main).

main :-
    writeq(['hello world', 'Abc', [], '[]', 'don''t', '\n', a_b, 'é', '', !, ;, {}, +, 'x+y']), nl,
    print(f('X')), nl, write('it''s'), nl, write_canonical(g('A', "b", X, X)), nl.
