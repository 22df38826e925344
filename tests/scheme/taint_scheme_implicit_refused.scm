; The same kind of branch without --taint-implicit=allow: refused.
(define k (taint 5 'k))
(display (if (> k 3) "big" "small"))
