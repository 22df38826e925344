err_tape_right: running off the right end of the 30000 cell tape is a runtime error
+[>+]
