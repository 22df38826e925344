(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(define (last l) (if (null? (cdr l)) (car l) (last (cdr l))))
(display (last '(1 2 3))) (newline)
(last '())
