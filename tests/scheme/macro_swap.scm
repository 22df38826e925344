(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(define-syntax swap!
  (syntax-rules () ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
(define tmp 'first) (define other 'second)
(swap! tmp other)
(display (list tmp other)) (newline)
(let ((tmp 1) (let 2)) (swap! tmp let) (display (list tmp let)) (newline))
