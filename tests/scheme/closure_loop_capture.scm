(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(define procs '())
(do ((i 0 (+ i 1))) ((= i 3))
  (set! procs (cons (lambda () i) procs)))
(display (map (lambda (p) (p)) procs)) (newline)
(define procs2
  (let loop ((i 0) (acc '()))
    (if (= i 3) (reverse acc) (loop (+ i 1) (cons (lambda () (* i 10)) acc)))))
(display (map (lambda (p) (p)) procs2)) (newline)
