# Float formatting with format specs and str().
x = 3.14159265
print("%.2f" % x, "%10.3f|" % x, "%-10.1f|" % x, "%e" % x, "%.3e" % 12345.678)
print(f"{x:.4f}", f"{x:8.2f}", f"{x:<8.2f}|", f"{x:+.1f}", f"{-x:.0f}")
print(format(1234567.891, ",.2f"), format(0.000123, ".2e"), format(0.5, "%"), format(0.1234, ".1%"))
print(f"{1e20:.0f}", f"{2.5:.0f}", f"{3.5:.0f}", f"{1/3:.15f}")
print(f"{123.456:g}", f"{1e-7:g}", f"{1e20:g}", f"{0.0001:g}")
print(str(1.0), str(1e21), str(1e-4), str(-0.0))
print("%.0f %.1f %.2f" % (0.5, 0.25, 0.125))
print(f"{1234.5:10.1f}|{-1234.5:<10.1f}|{1234.5:^12.2f}|")
