;; Doubly recursive Fibonacci: about 2.7 million calls of a small procedure.
(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(display (fib 32))
(newline)
