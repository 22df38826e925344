(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(display (list (string=? "abc" "abc") (string=? "abc" "abd") (string<? "abc" "abd") (string>? "b" "a"))) (newline)
(display (list (string<=? "a" "a" "b") (string>=? "c" "b" "b") (string-ci=? "AbC" "aBc"))) (newline)
(display (list (char=? #\a #\a) (char<? #\a #\b #\c) (char-ci=? #\a #\A))) (newline)
