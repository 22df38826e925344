(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(define-syntax my-list
  (syntax-rules () ((_ x ...) (list x ...))))
(display (my-list 1 2 3)) (newline)
(define-syntax my-let*
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ ((n v) rest ...) body ...) (let ((n v)) (my-let* (rest ...) body ...)))))
(display (my-let* ((a 1) (b (+ a 1)) (c (* b 3))) (list a b c))) (newline)
(define-syntax pairs
  (syntax-rules () ((_ (a b) ...) (list (cons a b) ...))))
(display (pairs (1 2) (3 4))) (newline)
(define-syntax nest
  (syntax-rules () ((_ (a b ...) ...) '((b ... a) ...))))
(display (nest (1 2 3) (4 5))) (newline)
