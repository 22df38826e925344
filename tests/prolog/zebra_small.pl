:- initialization(main).
% Three houses in a row; each has a colour, an owner and a drink.
houses(Hs) :-
    Hs = [h(_, norwegian, _), h(blue, _, _), h(_, _, milk)],
    member(h(red, english, _), Hs),
    member(h(green, _, coffee), Hs),
    member(h(_, spanish, tea), Hs).
main :-
    houses(Hs), write(Hs), nl.
