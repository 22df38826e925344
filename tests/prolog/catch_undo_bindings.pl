:- initialization(main).

main :-
    catch((X = 1, throw(e)), e, true), ( var(X) -> write(unbound) ; write(X) ), nl.
