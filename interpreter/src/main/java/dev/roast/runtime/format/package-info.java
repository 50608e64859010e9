/**
 * Numbers as text exactly as CPython 3.12 writes and reads them: {@code repr(float)},
 * {@code format()} and its spec mini-language, {@code round()}, {@code int(str)}, {@code float(str)},
 * {@code hex}/{@code oct}/{@code bin}. Python exceptions are {@link dev.roast.runtime.format.FormatException}s.
 */
package dev.roast.runtime.format;
