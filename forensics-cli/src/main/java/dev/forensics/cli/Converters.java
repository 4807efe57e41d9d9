package dev.forensics.cli;

import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.ManifestFormat;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value converters whose errors name what is accepted. */
final class Converters {

  private Converters() {}

  /** One algorithm name ({@code md5}, {@code SHA-256}…), case-insensitive; lists are split by picocli. */
  static final class Algorithm implements ITypeConverter<HashAlgorithm> {
    @Override
    public HashAlgorithm convert(String value) {
      try {
        return HashAlgorithm.fromName(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A manifest format name. */
  static final class Format implements ITypeConverter<ManifestFormat> {
    @Override
    public ManifestFormat convert(String value) {
      try {
        return ManifestFormat.fromName(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A byte count with an optional binary unit: {@code 4096}, {@code 512K}, {@code 1M}, {@code 2G} (also KiB, MB…). */
  static final class ByteSize implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      String v = value.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
      long mult = 1;
      if (!v.isEmpty()) {
        char u = v.charAt(v.length() - 1);
        int shift = "KMGT".indexOf(u);
        if (shift >= 0) {
          mult = 1L << (10 * (shift + 1));
          v = v.substring(0, v.length() - 1);
        }
      }
      try {
        long n = Long.parseLong(v.trim());
        if (n <= 0) {
          throw new TypeConversionException(Messages.get("error.size.positive", value));
        }
        return Math.multiplyExact(n, mult);
      } catch (NumberFormatException | ArithmeticException e) {
        throw new TypeConversionException(Messages.get("error.size.invalid", value));
      }
    }
  }
}
