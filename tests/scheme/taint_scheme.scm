; The taint space in Scheme: (taint x 'label) and (declassify x). A list
; holding a labelled value is clean (its length may be shown); its element is
; labelled, and so is everything computed from it.
(define secret (taint 42 'secret))
(define items (list 1 secret 3))
(display (length items)) (newline)
(display (declassify (* 2 (cadr items)))) (newline)
(display (declassify (string-append "n=" (number->string secret)))) (newline)
(display items)
(newline)
