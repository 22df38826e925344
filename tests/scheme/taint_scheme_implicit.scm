; Branching on a labelled value (if, cond, and, or) is refused by default and
; allowed with --taint-implicit=allow (this program's flags).
(define k (taint 5 'k))
(display (if (> k 3) "big" "small")) (newline)
(display (cond ((= k 1) 'one) ((= k 5) 'five) (else 'other))) (newline)
(display (declassify (and (> k 0) k))) (newline)
