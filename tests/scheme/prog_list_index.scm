(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(define (index-of x l)
  (let loop ((l l) (i 0)) (cond ((null? l) #f) ((equal? (car l) x) i) (else (loop (cdr l) (+ i 1))))))
(display (list (index-of 'c '(a b c)) (index-of "z" '("x" "y")) (index-of '(1) '(0 (1) 2)))) (newline)
