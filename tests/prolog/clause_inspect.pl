:- initialization(main).
:- dynamic rule/1.
rule(a).
rule(b) :- true, write(x).
main :-
    findall(H-B, clause(rule(H), B), L), write(L), nl.
