(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
;; Non-tail recursion a million frames deep: the frames live on the heap.
(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1)))))
(display (count 1000000)) (newline)
(define (build n) (if (= n 0) '() (cons n (build (- n 1)))))
(display (apply + (build 1000000))) (newline)
