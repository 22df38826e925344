eof_unchanged: at the end of input a read leaves the cell as it was
The cell is set to 65 (A) and then read from an empty input: A is printed

++++++++[>++++++++<-]>+   cell 1 = 65
,.                        read (nothing there) and print
