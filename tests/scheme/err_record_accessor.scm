(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(define-record-type point (make-point x y) point? (x point-x) (y point-y))
(display (point-x (make-point 1 2))) (newline)
(point-x 'not-a-point)
