err_tape_left: moving left of cell 0 is a runtime error pointing at the move
The output before it still appears
++++++++[>++++++++<-]>+.   print A
<<                         two cells left of cell 1
