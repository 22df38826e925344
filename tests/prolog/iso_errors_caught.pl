:- initialization(main).
:- style_check(-singleton).

main :-
    forall(member(G, [X is foo + 1, atom_length(_, _), atom_length(f(x), _), arg(a, f(b), _),
                      functor(_, _, _), atom_codes(_, _), X2 is 1 / 0, X3 is 1 mod 0, call(1), undefined_p(1),
                      number_codes(N, "abc"), atom_length(abc, -1), sub_atom(_, _, _, _, _)]),
      ( ( catch(G, error(E, _), true) -> ( var(E) -> write(no_error) ; print(E) ) ; write(failed) ), nl )), (var(X), var(X2), var(X3), var(N) -> true ; true).
