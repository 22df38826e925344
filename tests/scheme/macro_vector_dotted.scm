(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(define-syntax vec-first
  (syntax-rules () ((_ #(a b ...)) 'a)))
(display (vec-first #(x y z))) (newline)
(define-syntax rest-of
  (syntax-rules () ((_ a . b) 'b)))
(display (rest-of 1 2 3)) (newline)
(define-syntax tail-pat
  (syntax-rules () ((_ a ... z) '(last z))))
(display (tail-pat 1 2 3)) (newline)
