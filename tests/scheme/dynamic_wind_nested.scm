(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(define trail '())
(define (note x) (set! trail (cons x trail)))
(call/cc (lambda (k)
  (dynamic-wind
    (lambda () (note 'a-in))
    (lambda ()
      (dynamic-wind
        (lambda () (note 'b-in))
        (lambda () (k 'out))
        (lambda () (note 'b-out))))
    (lambda () (note 'a-out)))))
(display (reverse trail)) (newline)
