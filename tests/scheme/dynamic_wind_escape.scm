(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(define trail '())
(define (note x) (set! trail (cons x trail)))
(call/cc (lambda (k)
  (dynamic-wind
    (lambda () (note 'in))
    (lambda () (note 'body) (k 'escaped) (note 'not-reached))
    (lambda () (note 'out)))))
(display (reverse trail)) (newline)
