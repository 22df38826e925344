:- initialization(main, main).
% The zebra puzzle: five houses, five nationalities, pets, drinks and
% cigarettes; who owns the zebra and who drinks water.
right_of(R, L, [L, R|_]).
right_of(R, L, [_|T]) :- right_of(R, L, T).
next_to(X, Y, L) :- right_of(X, Y, L).
next_to(X, Y, L) :- right_of(Y, X, L).
mem(X, [X|_]).
mem(X, [_|T]) :- mem(X, T).
houses([h(_, norwegian, _, _, _), _, h(_, _, _, milk, _), _, _]).
zebra(Hs) :-
    houses(Hs),
    mem(h(red, english, _, _, _), Hs),
    mem(h(_, spanish, dog, _, _), Hs),
    mem(h(green, _, _, coffee, _), Hs),
    mem(h(_, ukrainian, _, tea, _), Hs),
    right_of(h(green, _, _, _, _), h(ivory, _, _, _, _), Hs),
    mem(h(_, _, snails, _, winston), Hs),
    mem(h(yellow, _, _, _, kools), Hs),
    next_to(h(_, _, _, _, chesterfield), h(_, _, fox, _, _), Hs),
    next_to(h(_, _, _, _, kools), h(_, _, horse, _, _), Hs),
    mem(h(_, _, _, orange_juice, lucky), Hs),
    mem(h(_, japanese, _, _, parliament), Hs),
    next_to(h(_, norwegian, _, _, _), h(blue, _, _, _, _), Hs),
    mem(h(_, _, zebra, _, _), Hs),
    mem(h(_, _, _, water, _), Hs).
work(Z-W) :- zebra(Hs), mem(h(_, Z, zebra, _, _), Hs), mem(h(_, W, _, water, _), Hs), !.
rounds(20).

% Run the work N times (failure-driven, so each round starts from a clean
% heap), then once more to print the result.
repeat_work(N) :- between(1, N, _), work(_), fail.
repeat_work(_).
main :- rounds(N), repeat_work(N), work(R), write(R), nl.
