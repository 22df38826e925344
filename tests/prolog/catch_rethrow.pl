:- initialization(main).
outer :- catch(inner, error(type_error(T, V), _), (write(t(T, V)), nl, throw(again))).
inner :- atom_length(1, a).
main :-
    catch(outer, E, (write(outer_caught(E)), nl)).
