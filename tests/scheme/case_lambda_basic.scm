(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(define area
  (case-lambda
    ((r) (* 3 r r))
    ((w h) (* w h))
    ((a b . rest) (list 'many a b rest))))
(display (list (area 2) (area 3 4) (area 1 2 3 4))) (newline)
(define f (case-lambda (() 'none) (args (length args))))
(display (list (f) (f 1 2))) (newline)
