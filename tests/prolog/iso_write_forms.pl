:- initialization(main).
:- style_check(-singleton).
% ISO conformance cases in the style of the inriasuite: one line per case,
% success(Goal-with-bindings), failure, or error(Formal).
t(G) :-
    (   catch(G, E, true)
    ->  (   var(E) -> R = success(G)
        ;   E = error(F, _) -> R = error(F)
        ;   R = thrown(E)
        )
    ;   R = failure
    ),
    numbervars(R, 0, _), print(R), nl.
main :-
    c1,
    c2,
    c3,
    c4,
    c5,
    c6,
    c7,
    c8,
    c9,
    c10,
    c11,
    c12,
    c13,
    c14,
    c15,
    c16,
    c17,
    c18.
c1 :- t((writeq(f('A', 'b c', [1, 2], "x")))).
c2 :- t((write(f('A', 'b c')))).
c3 :- t((print(- (1)))).
c4 :- t((writeq(- (-1)))).
c5 :- t((writeq(1 - (-1)))).
c6 :- t((writeq(a- (b:-c)))).
c7 :- t((writeq([a|b]))).
c8 :- t((writeq('\n'))).
c9 :- t((writeq({a}))).
c10 :- t((writeq('$VAR'(1)))).
c11 :- t((print('$VAR'(27)))).
c12 :- t((write_canonical('$VAR'(1)))).
c13 :- t((writeq(- (- a)))).
c14 :- t((writeq(\+ (a, b)))).
c15 :- t((writeq(1 = (:-)))).
c16 :- t((writeq(f(',')))).
c17 :- t((writeq(f(a;b)))).
c18 :- t((writeq(- - 1))).
