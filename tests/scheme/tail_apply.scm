(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(define (loop n) (if (= n 0) 'applied (apply loop (list (- n 1)))))
(display (loop 100000)) (newline)
