:- initialization(main).
parent(tom, bob). parent(tom, liz). parent(bob, ann). parent(bob, pat). parent(pat, jim).
grandparent(G, C) :- parent(G, P), parent(P, C).
sibling(X, Y) :- parent(P, X), parent(P, Y), X \== Y.
main :-
    forall(grandparent(G, C), (write(G-C), nl)),
    findall(S, sibling(ann, S), L), write(L), nl.
