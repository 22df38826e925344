% The Prolog prelude: builtins written in Prolog, compiled at start-up into
% the builtins namespace. Names starting with '$' are internal. The
% deterministic builtins are natives (see src/builtins); this file holds the
% ones that backtrack or call goals, and the list library.

% ---- control ---------------------------------------------------------------

% call/1 is opaque to cut: '$marker'(M) is this call's own cut marker, and a
% cut inside the goal cuts back to it.
call(G) :- '$check_body'(G), '$marker'(M), '$meta'(G, M).
call(G, A) :- '$add_args'(G, [A], G2), '$marker'(M), '$meta'(G2, M).
call(G, A, B) :- '$add_args'(G, [A, B], G2), '$marker'(M), '$meta'(G2, M).
call(G, A, B, C) :- '$add_args'(G, [A, B, C], G2), '$marker'(M), '$meta'(G2, M).
call(G, A, B, C, D) :- '$add_args'(G, [A, B, C, D], G2), '$marker'(M), '$meta'(G2, M).
call(G, A, B, C, D, E) :- '$add_args'(G, [A, B, C, D, E], G2), '$marker'(M), '$meta'(G2, M).
call(G, A, B, C, D, E, F) :- '$add_args'(G, [A, B, C, D, E, F], G2), '$marker'(M), '$meta'(G2, M).
call(G, A, B, C, D, E, F, H) :- '$add_args'(G, [A, B, C, D, E, F, H], G2), '$marker'(M), '$meta'(G2, M).

% The meta-interpreter for control constructs inside a called goal; any other
% goal is invoked directly (its predicate is looked up by name and arity).
'$meta'(G, _) :- var(G), !, throw(error(instantiation_error, _)).
'$meta'((A, B), M) :- !, '$meta'(A, M), '$meta'(B, M).
'$meta'((C -> T ; E), M) :- !, ( call(C) -> '$meta'(T, M) ; '$meta'(E, M) ).
'$meta'((C *-> T ; E), M) :- !, ( call(C) *-> '$meta'(T, M) ; '$meta'(E, M) ).
'$meta'((A ; B), M) :- !, ( '$meta'(A, M) ; '$meta'(B, M) ).
'$meta'((C -> T), M) :- !, ( call(C) -> '$meta'(T, M) ).
'$meta'(!, M) :- !, '$cut'(M).
'$meta'(\+ G, _) :- !, \+ call(G).
'$meta'(G, _) :- '$check_callable'(G), '$invoke'(G).

','(A, B) :- call((A, B)).
;(A, B) :- call((A ; B)).
->(A, B) :- call((A -> B)).
\+(G) :- \+ call(G).
not(G) :- \+ call(G).
true.
otherwise.
fail :- fail.
false :- fail.
once(G) :- call(G), !.
ignore(G) :- ( call(G) -> true ; true ).
forall(C, A) :- \+ ( call(C), \+ call(A) ).
^(_, G) :- call(G).

catch(G, C, R) :- '$catch'(G, C, R).

'$type_error_callable'(G) :- throw(error(type_error(callable, G), _)).

% ---- all solutions ---------------------------------------------------------

findall(T, G, L) :- '$fa_new'(B), ( call(G), '$fa_add'(B, T), fail ; '$fa_take'(B, L0) ), L = L0.
findall(T, G, L, Tail) :- findall(T, G, L0), append(L0, Tail, L).

bagof(T, G, L) :-
    '$bagof_prep'(T, G, W, G1),
    (   W == '$w'
    ->  findall(T, G1, L0), L0 \== [], L = L0
    ;   findall(W-T, G1, Pairs), Pairs \== [],
        '$bagof_groups'(Pairs, Groups),
        member(W-L, Groups)
    ).
setof(T, G, S) :- bagof(T, G, L), sort(L, S).

aggregate_all(count, G, C) :- !, findall(x, G, L), length(L, C).
aggregate_all(sum(E), G, S) :- !, findall(E, G, L), sum_list(L, S).
aggregate_all(max(E), G, S) :- !, findall(E, G, L), L \== [], max_list(L, S).
aggregate_all(min(E), G, S) :- !, findall(E, G, L), L \== [], min_list(L, S).
aggregate_all(bag(E), G, L) :- !, findall(E, G, L).
aggregate_all(set(E), G, S) :- !, findall(E, G, L), sort(L, S).

% ---- integers and terms ----------------------------------------------------

between(L, H, X) :- integer(X), !, '$between_check'(L, H), X >= L, X =< H.
between(L, H, X) :- '$between_check'(L, H), var(X), !, L =< H, '$between'(L, H, X).
between(_, _, X) :- throw(error(type_error(integer, X), context(between/3, _))).
'$between'(L, _, L).
'$between'(L, H, X) :- L < H, L1 is L + 1, '$between'(L1, H, X).
'$between_check'(L, H) :-
    '$must_be_int'(L),
    ( H == inf -> true ; H == infinite -> true ; '$must_be_int'(H) ).
'$must_be_int'(X) :- var(X), !, throw(error(instantiation_error, context(between/3, _))).
'$must_be_int'(X) :- integer(X), !.
'$must_be_int'(X) :- throw(error(type_error(integer, X), context(between/3, _))).

length(L, N) :- var(N), '$partial_list'(L, K, T), !, '$len_gen'(T, K, N).
length(L, N) :- '$length'(L, N).
'$len_gen'([], N, N).
'$len_gen'([_|T], K, N) :- K1 is K + 1, '$len_gen'(T, K1, N).

arg(N, T, A) :- integer(N), !, '$arg'(N, T, A).
arg(N, T, A) :- var(N), compound(T), !, functor(T, _, Ar), between(1, Ar, N), '$arg'(N, T, A).
arg(N, T, A) :- '$arg'(N, T, A).

atom_concat(A, B, C) :- nonvar(A), nonvar(B), !, '$atom_concat_det'(A, B, C).
atom_concat(A, B, C) :- '$atom_splits'(C, L), member(A-B, L).

sub_atom(Atom, B, L, A, Sub) :-
    '$sub_atom_int'(B), '$sub_atom_int'(L), '$sub_atom_int'(A),
    '$sub_atom_all'(Atom, Sub, All), member(s(B, L, A, Sub), All).
'$sub_atom_int'(X) :- var(X), !.
'$sub_atom_int'(X) :- integer(X), !.
'$sub_atom_int'(X) :- throw(error(type_error(integer, X), context(sub_atom/5, _))).

current_op(P, T, N) :- '$current_op'(L), member(op(P, T, N), L).

% ---- the database ----------------------------------------------------------

% Calls a dynamic predicate: a snapshot of its clauses (the logical update
% view), each renamed and tried in turn; a cut in a clause body cuts to M.
'$dyn_call'(G) :- '$dyn_clauses'(G, Cs), '$marker'(M), '$dyn_try'(Cs, G, M).
'$dyn_try'([C|Cs], G, M) :- '$dyn_alt'(Cs, C, G, M).
'$dyn_alt'([], C, G, M) :- !, copy_term(C, (G :- B)), '$meta'(B, M).
'$dyn_alt'(Cs, C, G, M) :- ( copy_term(C, (G :- B)), '$meta'(B, M) ; '$dyn_try'(Cs, G, M) ).

clause(H, B) :- '$clauses'(H, Cs), member(Cl, Cs), copy_term(Cl, (H :- B)).

retract(C) :-
    '$clause_split'(C, H, B), '$ensure_dynamic'(H), '$clauses'(H, Cs), '$retract_try'(Cs, H, B).
'$clause_split'(C, H, B) :- nonvar(C), C = (H :- B), !.
'$clause_split'(H, H, true).
'$retract_try'([Cl|Cs], H, B) :-
    copy_term(Cl, (H1 :- B1)),
    ( H1 = H, B1 = B, '$retract_clause'(H, Cl) ; '$retract_try'(Cs, H, B) ).

retractall(H) :- '$ensure_dynamic'(H), '$clauses'(H, Cs), '$retractall'(Cs, H).
'$retractall'([], _).
'$retractall'([Cl|Cs], H) :-
    ( \+ \+ ( copy_term(Cl, (H1 :- _)), H1 = H ) -> '$retract_clause'(H, Cl) ; true ),
    '$retractall'(Cs, H).

% ---- lists -----------------------------------------------------------------

append([], L, L).
append([H|T], L, [H|R]) :- append(T, L, R).
append([], []).
append([L|Ls], As) :- append(L, Ws, As), append(Ls, Ws).
member(X, [X|_]).
member(X, [_|T]) :- member(X, T).
memberchk(X, L) :- member(X, L), !.
reverse(L, R) :- '$rev'(L, [], R).
'$rev'([], A, A).
'$rev'([H|T], A, R) :- '$rev'(T, [H|A], R).
nth0(I, L, E) :- integer(I), !, I >= 0, '$nth'(I, L, E).
nth0(I, L, E) :- var(I), '$nth_gen'(L, E, 0, I).
nth1(I, L, E) :- integer(I), !, I >= 1, I0 is I - 1, '$nth'(I0, L, E).
nth1(I, L, E) :- var(I), '$nth_gen'(L, E, 1, I).
'$nth'(0, [E|_], E) :- !.
'$nth'(I, [_|T], E) :- I1 is I - 1, '$nth'(I1, T, E).
'$nth_gen'([E|_], E, B, B).
'$nth_gen'([_|T], E, B0, B) :- B1 is B0 + 1, '$nth_gen'(T, E, B1, B).
last([X|Xs], Last) :- '$last'(Xs, X, Last).
'$last'([], Last, Last).
'$last'([X|Xs], _, Last) :- '$last'(Xs, X, Last).
sum_list(Xs, Sum) :- '$sum_list'(Xs, 0, Sum).
'$sum_list'([], Sum, Sum).
'$sum_list'([X|Xs], Sum0, Sum) :- Sum1 is Sum0 + X, '$sum_list'(Xs, Sum1, Sum).
sumlist(Xs, Sum) :- sum_list(Xs, Sum).
max_list([H|T], Max) :- '$max_list'(T, H, Max).
'$max_list'([], Max, Max).
'$max_list'([H|T], Max0, Max) :- Max1 is max(Max0, H), '$max_list'(T, Max1, Max).
min_list([H|T], Min) :- '$min_list'(T, H, Min).
'$min_list'([], Min, Min).
'$min_list'([H|T], Min0, Min) :- Min1 is min(Min0, H), '$min_list'(T, Min1, Min).
max_member(Max, [H|T]) :- '$max_member'(T, H, Max).
'$max_member'([], Max, Max).
'$max_member'([H|T], Max0, Max) :- ( H @> Max0 -> '$max_member'(T, H, Max) ; '$max_member'(T, Max0, Max) ).
min_member(Min, [H|T]) :- '$min_member'(T, H, Min).
'$min_member'([], Min, Min).
'$min_member'([H|T], Min0, Min) :- ( H @< Min0 -> '$min_member'(T, H, Min) ; '$min_member'(T, Min0, Min) ).
numlist(L, H, R) :- L =< H, !, '$numlist'(L, H, R).
numlist(_, _, []).
'$numlist'(H, H, [H]) :- !.
'$numlist'(L, H, [L|T]) :- L1 is L + 1, '$numlist'(L1, H, T).
select(X, [X|T], T).
select(X, [H|T], [H|R]) :- select(X, T, R).
selectchk(X, L, R) :- select(X, L, R), !.
select(X, Xs, Y, Ys) :- '$select4'(Xs, X, Y, Ys).
'$select4'([X|T], X, Y, [Y|T]).
'$select4'([H|T], X, Y, [H|T2]) :- '$select4'(T, X, Y, T2).
exclude(_, [], []).
exclude(P, [H|T], R) :- ( call(P, H) -> R = R1 ; R = [H|R1] ), exclude(P, T, R1).
include(_, [], []).
include(P, [H|T], R) :- ( call(P, H) -> R = [H|R1] ; R = R1 ), include(P, T, R1).
partition(_, [], [], []).
partition(P, [H|T], I, E) :- ( call(P, H) -> I = [H|I1], E = E1 ; I = I1, E = [H|E1] ), partition(P, T, I1, E1).
maplist(_, []).
maplist(P, [A|As]) :- call(P, A), maplist(P, As).
maplist(_, [], []).
maplist(P, [A|As], [B|Bs]) :- call(P, A, B), maplist(P, As, Bs).
maplist(_, [], [], []).
maplist(P, [A|As], [B|Bs], [C|Cs]) :- call(P, A, B, C), maplist(P, As, Bs, Cs).
maplist(_, [], [], [], []).
maplist(P, [A|As], [B|Bs], [C|Cs], [D|Ds]) :- call(P, A, B, C, D), maplist(P, As, Bs, Cs, Ds).
foldl(G, L, V0, V) :- '$foldl'(L, G, V0, V).
'$foldl'([], _, V, V).
'$foldl'([X|Xs], G, V0, V) :- call(G, X, V0, V1), '$foldl'(Xs, G, V1, V).
foldl(G, L1, L2, V0, V) :- '$foldl'(L1, L2, G, V0, V).
'$foldl'([], [], _, V, V).
'$foldl'([X|Xs], [Y|Ys], G, V0, V) :- call(G, X, Y, V0, V1), '$foldl'(Xs, Ys, G, V1, V).
foldl(G, L1, L2, L3, V0, V) :- '$foldl'(L1, L2, L3, G, V0, V).
'$foldl'([], [], [], _, V, V).
'$foldl'([X|Xs], [Y|Ys], [Z|Zs], G, V0, V) :- call(G, X, Y, Z, V0, V1), '$foldl'(Xs, Ys, Zs, G, V1, V).
delete([], _, []).
delete([E|T], D, R) :- ( \+ E \= D -> delete(T, D, R) ; R = [E|R1], delete(T, D, R1) ).
subtract([], _, []).
subtract([E|T], D, R) :- ( memberchk(E, D) -> subtract(T, D, R) ; R = [E|R1], subtract(T, D, R1) ).
intersection([], _, []).
intersection([X|T], L, I) :- ( memberchk(X, L) -> I = [X|R] ; I = R ), intersection(T, L, R).
union([], L, L).
union([H|T], L, R) :- ( memberchk(H, L) -> union(T, L, R) ; R = [H|R1], union(T, L, R1) ).
list_to_set(L, S) :- '$lts'(L, [], S).
'$lts'([], _, []).
'$lts'([H|T], Seen, R) :- ( '$memberchk_eq'(H, Seen) -> R = R1 ; R = [H|R1] ), '$lts'(T, [H|Seen], R1).
'$memberchk_eq'(X, [Y|T]) :- ( X == Y -> true ; '$memberchk_eq'(X, T) ).
permutation([], []).
permutation(L, [H|T]) :- select(H, L, R), permutation(R, T).
flatten(List, Flat) :- '$flatten'(List, [], Flat0), !, Flat = Flat0.
'$flatten'(Var, Tl, [Var|Tl]) :- var(Var), !.
'$flatten'([], Tl, Tl) :- !.
'$flatten'([Hd|Tl], Tail, List) :- !, '$flatten'(Hd, FlatHeadTail, List), '$flatten'(Tl, Tail, FlatHeadTail).
'$flatten'(NonList, Tl, [NonList|Tl]).
nextto(X, Y, [X, Y|_]).
nextto(X, Y, [_|T]) :- nextto(X, Y, T).
pairs_keys_values([], [], []).
pairs_keys_values([K-V|T], [K|Ks], [V|Vs]) :- pairs_keys_values(T, Ks, Vs).
pairs_keys([], []).
pairs_keys([K-_|T], [K|Ks]) :- pairs_keys(T, Ks).
pairs_values([], []).
pairs_values([_-V|T], [V|Vs]) :- pairs_values(T, Vs).
predsort(P, L, Sorted) :- '$predsort'(P, L, Sorted).
'$predsort'(_, [], []) :- !.
'$predsort'(_, [X], [X]) :- !.
'$predsort'(P, L, S) :-
    length(L, N), H is N // 2, length(A, H), append(A, B, L),
    '$predsort'(P, A, SA), '$predsort'(P, B, SB), '$predmerge'(P, SA, SB, S).
'$predmerge'(_, [], L, L) :- !.
'$predmerge'(_, L, [], L) :- !.
'$predmerge'(P, [H1|T1], [H2|T2], R) :- call(P, O, H1, H2), '$predmerge'(O, P, H1, T1, H2, T2, R).
'$predmerge'(<, P, H1, T1, H2, T2, [H1|R]) :- '$predmerge'(P, T1, [H2|T2], R).
'$predmerge'(>, P, H1, T1, H2, T2, [H2|R]) :- '$predmerge'(P, [H1|T1], T2, R).
'$predmerge'(=, P, H1, T1, _, T2, [H1|R]) :- '$predmerge'(P, T1, T2, R).

% ---- loading and the toplevel ----------------------------------------------

'$directive'(G, Kind) :-
    (   catch(G, E, true)
    ->  ( var(E) -> true ; '$print_uncaught'(G, E, Kind) )
    ;   '$warn_failed'(G, Kind)
    ).

'$query'(G, B) :-
    (   catch('$query_run'(G, B), E, '$print_uncaught'(G, E, query))
    ->  true
    ;   write(false), write('.'), nl
    ).
'$query_run'(G, B) :- call(G), '$toplevel_answer'(B, More), More == no.

repeat.
repeat :- repeat.

% ---- lambda expressions (library(yall)) -----------------------------------

% `Params>>Body` called with extra arguments: the lambda is copied (except the
% variables named in `Free/...`), the parameters unified with the arguments,
% and the body called with any arguments left over.
'>>'(Ps, B) :- '$lambda'(Ps, B, []).
'>>'(Ps, B, A1) :- '$lambda'(Ps, B, [A1]).
'>>'(Ps, B, A1, A2) :- '$lambda'(Ps, B, [A1, A2]).
'>>'(Ps, B, A1, A2, A3) :- '$lambda'(Ps, B, [A1, A2, A3]).
'>>'(Ps, B, A1, A2, A3, A4) :- '$lambda'(Ps, B, [A1, A2, A3, A4]).
'>>'(Ps, B, A1, A2, A3, A4, A5) :- '$lambda'(Ps, B, [A1, A2, A3, A4, A5]).
'>>'(Ps, B, A1, A2, A3, A4, A5, A6) :- '$lambda'(Ps, B, [A1, A2, A3, A4, A5, A6]).
'$lambda'(Free/Ps, B, Args) :- !, copy_term(Free/Ps>>B, Free/Ps2>>B2), '$lambda_bind'(Ps2, Args, Rest), '$lambda_call'(B2, Rest).
'$lambda'(Ps, B, Args) :- copy_term(Ps>>B, Ps2>>B2), '$lambda_bind'(Ps2, Args, Rest), '$lambda_call'(B2, Rest).
'$lambda_bind'([P|Ps], [A|As], Rest) :- !, P = A, '$lambda_bind'(Ps, As, Rest).
'$lambda_bind'(_, Rest, Rest).
'$lambda_call'(B, []) :- !, call(B).
'$lambda_call'(B, Rest) :- '$add_args'(B, Rest, G), call(G).
