(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(define-syntax for
  (syntax-rules (in from to)
    ((_ x in lst body ...) (for-each (lambda (x) body ...) lst))
    ((_ x from a to b body ...) (do ((x a (+ x 1))) ((> x b)) body ...))))
(for y in '(a b c) (display y))
(newline)
(for i from 1 to 5 (display i))
(newline)
(define-syntax my-if
  (syntax-rules (then else)
    ((_ c then t else e) (if c t e))))
(display (my-if #t then 'yes else 'no)) (newline)
