err_unmatched: a loop closed twice is a syntax error (nothing runs)
+[-]]
