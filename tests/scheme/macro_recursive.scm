(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(define-syntax my-cond
  (syntax-rules (else)
    ((_ (else e ...)) (begin e ...))
    ((_ (c e ...) clause ...) (if c (begin e ...) (my-cond clause ...)))))
(define (f x) (my-cond ((< x 0) 'neg) ((= x 0) 'zero) (else 'pos)))
(display (map f '(-1 0 1))) (newline)
(define-syntax count-args
  (syntax-rules () ((_) 0) ((_ x rest ...) (+ 1 (count-args rest ...)))))
(display (count-args a b c d)) (newline)
