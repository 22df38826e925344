:- initialization(main).

main :-
    catch(findall(X, (member(X, [1, 2, 3]), (X =:= 2 -> throw(two) ; true)), _), B, (write(caught(B)), nl)).
