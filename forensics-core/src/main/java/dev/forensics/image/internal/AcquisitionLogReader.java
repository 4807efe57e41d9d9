package dev.forensics.image.internal;

import static dev.forensics.hash.internal.Values.show;

import dev.forensics.image.AcquisitionLog;
import dev.forensics.image.AcquisitionLogException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads an acquisition log: recognises the tool from the first line that looks like one of the formats
 * (within the first {@value #LINES_TO_RECOGNISE} non-blank lines, so that a pasted shell prompt above
 * the output does no harm), then hands that line and every later one to the tool's {@link LogDialect}.
 */
public final class AcquisitionLogReader {

  /** Non-blank lines looked at for a line that tells the format. */
  static final int LINES_TO_RECOGNISE = 10;

  private AcquisitionLogReader() {}

  /** Reads the log from {@code in} (not closed); {@code name} is used in messages. */
  public static AcquisitionLog read(InputStream in, String name) throws IOException {
    LogLines lines = new LogLines(in);
    lines.stopAtNul(true);
    LogCollector out = new LogCollector(name);
    LogDialect dialect = null;
    String first = null;
    long firstNumber = 0;
    int looked = 0;
    for (String text = lines.next(); text != null; text = lines.next()) {
      if (dialect == null) {
        if (lines.hadNul()) {
          throw out.error(lines.number(),
              "not a text file: it holds NUL bytes (a binary file, or UTF-16 text without a byte-order mark?)");
        }
        if (text.isBlank()) {
          continue;
        }
        if (first == null) {
          first = text;
          firstNumber = lines.number();
        }
        Optional<LogDialect> recognised = recognise(text);
        if (recognised.isEmpty()) {
          if (++looked == LINES_TO_RECOGNISE) {
            break;
          }
          continue;
        }
        dialect = recognised.get();
        lines.stopAtNul(false);
      }
      dialect.line(lines.number(), text, out);
    }
    if (dialect == null) {
      throw first == null
          ? out.error(0, "the acquisition log is empty")
          : out.error(firstNumber, "not an acquisition log this program reads: expected the output of "
              + "ewfacquire, ewfverify or ewfinfo, a Guymager .info file, an FTK Imager .txt report, a dc3dd "
              + "hlog=/log= file or a dcfldd hashlog= file; found " + show(first.strip()));
    }
    dialect.end(out);
    return out.build(dialect.tool(), dialect.noMediaHash());
  }

  /** The reader for a log whose content starts with {@code line}, if that line tells the format. */
  private static Optional<LogDialect> recognise(String line) {
    if (GuymagerLog.FIRST_LINE.matcher(line).matches()) {
      return Optional.of(new GuymagerLog());
    }
    if (FtkImagerLog.FIRST_LINE.matcher(line).matches()) {
      return Optional.of(new FtkImagerLog());
    }
    if (Dc3ddLog.FIRST_LINE.matcher(line).matches()) {
      return Optional.of(new Dc3ddLog());
    }
    if (DcflddLog.recognises(line)) {
      return Optional.of(new DcflddLog());
    }
    return EwfToolsLog.recognise(line);
  }
}
