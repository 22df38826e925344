; Scheme: numbers, strings, a closure, recursion over a list.
(define (sum-list xs)
  (if (null? xs)
      0
      (+ (car xs) (sum-list (cdr xs)))))

(define (make-adder n)
  (lambda (x) (+ x n)))

(define add5 (make-adder 5))
(define greeting (string-append "hello" " " "world"))
(display (sum-list (list 1 2 3)))
(newline)
(display (add5 10))
(newline)
(display greeting)
(newline)
