(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(define (my-gcd a b) (if (= b 0) a (my-gcd b (remainder a b))))
(display (map (lambda (p) (my-gcd (car p) (cdr p))) '((12 . 18) (17 . 5) (100 . 75)))) (newline)
(display (list (gcd 1071 462) (lcm 21 6))) (newline)
