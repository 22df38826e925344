# Numeric format specs: precision, thousands separators, zero padding, bases, percent.
x = 1234567.891
print(f"{x:.3f}", f"{x:,}", f"{x:,.2f}", f"{x:012.2f}", f"{x:08.2f}", f"{x:.2e}", f"{x:_.1f}")
print(f"{3.14159:.3f}", f"{2.5:08.2f}", f"{-2.5:08.2f}", f"{0.125:.1%}", f"{1e-3:.2g}")
n = 1234567
print(f"{n:,}", f"{n:_}", f"{n:x}", f"{n:X}", f"{n:#x}", f"{n:o}", f"{255:b}", f"{255:#010b}")
print(f"{7:03d}", f"{-7:03d}", f"{7: d}", f"{10**20:,}")
print(f"{12.0:g}", f"{0.00001234:g}", f"{123456789.0:g}", f"{1.5:.0f}", f"{0.5:.0f}")
print(f"{-1234.5:,.1f}", f"{0.1:.20f}", f"{2 ** 0.5:.12f}")
print(f"{42:+06d}", f"{3.0:+.2f}", f"{-0.0:.1f}")
