(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(define (check x) (if (< x 0) (error "negative value:" x) x))
(display (check 5)) (newline)
(check -3)
